package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assembly.AssignedLicenses;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.sync.CloudDirectory;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.OnPremisesDirectory;
import org.allot.core.sync.SyncLocks;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.sync.SyncSettings;
import org.allot.core.sync.SyncStores;
import org.allot.core.sync.SyncTrigger;
import org.allot.core.testing.MutableClock;
import org.allot.core.testing.TestCatalog;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcConnectors;
import org.allot.server.persistence.JdbcSyncLocks;
import org.allot.server.persistence.JdbcSyncRuns;
import org.allot.server.persistence.JdbcSyncedObjects;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule runs each tenant's sync once per interval and every run someone asks for, and only one server at a
 * time runs a tenant: on a database of its own, with two lock holders standing for two servers.
 */
class SyncSchedulingIT {
    private final HikariDataSource database = TestDatabase.pool(TestDatabase.newDatabase(), 10);
    private final MutableClock clock = MutableClock.startingAt("2026-01-05T09:00:00Z");
    private final PostgresInstallation allot = new PostgresInstallation(
            database, TestCatalog.catalog(), new LicensingSettings(10_000, 100, 10_000), clock);
    private final JdbcClient jdbc = allot.jdbc();
    private final JdbcConnectors connectors =
            new JdbcConnectors(jdbc, JsonMapper.builder().build());
    private final JdbcSyncLocks locks = new JdbcSyncLocks(database);
    private final JdbcSyncLocks otherServer = new JdbcSyncLocks(database);
    private final DirectorySync sync = new DirectorySync(
            new SyncStores(
                    new JdbcTenants(jdbc),
                    connectors,
                    new JdbcSyncRuns(jdbc),
                    new JdbcSyncedObjects(jdbc),
                    locks,
                    allot.work()::execute),
            new OnPremisesDirectory(
                    new LdapDirectorySource(Duration.ofSeconds(5), Duration.ofSeconds(30), 500),
                    new AesGcmSecrets(SyncTestbed.KEY)),
            new CloudDirectory(
                    allot.userDirectory(),
                    allot.groupDirectory(),
                    allot.memberships(),
                    new AssignedLicenses(allot.assignments(), allot.groupLicenses(), allot.catalog()),
                    new JdbcActivitySignals(jdbc),
                    new org.allot.core.directory.UserManagers(
                            allot.work(),
                            org.allot.core.directory.TenantLocks.NONE,
                            allot.users(),
                            new org.allot.server.persistence.JdbcManagers(jdbc),
                            new JdbcAuditLog(
                                    database, jdbc, JsonMapper.builder().build()),
                            clock)),
            new JdbcAuditLog(database, jdbc, JsonMapper.builder().build()),
            clock,
            SyncSettings.DEFAULT);
    private final SyncScheduler scheduler =
            new SyncScheduler(sync, Duration.ofMinutes(30), Duration.ofSeconds(1), false);
    private final TestDirectory directory = TestDirectory.activeDirectory();
    private final TenantId tenant = TenantId.random();
    private final Caller admin = Caller.of(tenant, Actor.user("admin", "admin@contoso.com"));

    @AfterEach
    void close() {
        directory.close();
        database.close();
    }

    @Test
    void eachTenantIsSyncedOncePerIntervalAndWheneverSomeoneAsks() {
        connect();

        assertThat(scheduler.runDue()).as("never ran").isEqualTo(1);
        assertThat(scheduler.runDue()).as("ran a moment ago").isZero();
        clock.advance(Duration.ofMinutes(31));
        assertThat(scheduler.runDue()).as("the interval has passed").isEqualTo(1);

        sync.requestRun(admin, false).value();
        assertThat(scheduler.runDue()).isEqualTo(1);

        List<SyncRun> runs = sync.runs(tenant, 10);
        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.state()).isEqualTo(SyncRunState.SUCCEEDED));
        assertThat(runs.get(0).trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(runs.get(0).requestedBy()).isEqualTo("admin@contoso.com");
        assertThat(runs.get(1).trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        assertThat(runs.get(1).requestedBy()).isEqualTo(DirectorySync.SCHEDULE.displayName());
    }

    @Test
    void aRequestWaitsOnTheConnectorUntilARunTakesItAndMayAskForAFullRead() {
        connect();
        assertThat(scheduler.runDue()).isEqualTo(1);

        java.time.Instant asked = clock.instant();
        sync.requestRun(admin, false).value();
        clock.advance(Duration.ofSeconds(5));
        var requested = sync.requestRun(Caller.of(tenant, Actor.user("other", "other@contoso.com")), true)
                .value()
                .requestedRun();
        assertThat(requested.requestedBy()).as("the first to ask").isEqualTo("admin@contoso.com");
        assertThat(requested.at()).isBetween(asked, asked.plusSeconds(1));
        assertThat(requested.full()).as("a later request asked for a full read").isTrue();
        assertThat(scheduler.runDue()).isEqualTo(1);

        SyncRun run = sync.runs(tenant, 1).get(0);
        assertThat(run.mode()).isEqualTo(org.allot.core.sync.SyncMode.FULL);
        assertThat(run.startedAt()).isAfterOrEqualTo(requested.at());
        assertThat(sync.connector(tenant).orElseThrow().requestedRun()).isNull();
    }

    @Test
    void aTenantBeingSyncedByAnotherServerIsSkipped() {
        connect();

        try (SyncLocks.Lock elsewhere = otherServer.tryLock(tenant).orElseThrow()) {
            assertThat(locks.tryLock(tenant)).isEmpty();
            assertThat(scheduler.runDue()).isZero();
            assertThat(sync.runNow(admin, false).rejection().message()).contains("already running");
        }

        assertThat(scheduler.runDue()).isEqualTo(1);
    }

    @Test
    void disabledConnectorsRunOnlyWhenAsked() {
        var request = SyncTestbed.activeDirectory(directory);
        create();
        sync.configure(
                        admin,
                        new org.allot.core.sync.ConnectorRequest(
                                request.preset(),
                                request.url(),
                                false,
                                null,
                                request.bindDn(),
                                request.password(),
                                request.baseDns(),
                                null,
                                null,
                                request.mapping(),
                                false))
                .value();

        assertThat(scheduler.runDue()).isZero();
        sync.requestRun(admin, false).value();
        assertThat(scheduler.runDue()).isEqualTo(1);
    }

    @Test
    void aRunLeftRunningByAServerThatDiedIsMarkedInterruptedByTheNext() {
        connect();
        JdbcSyncRuns runs = new JdbcSyncRuns(jdbc);
        SyncRun orphan = SyncRun.started(tenant, SyncTrigger.SCHEDULED, "directory sync schedule", clock.instant());
        allot.work().execute(() -> {
            runs.add(orphan);
            return null;
        });

        sync.runNow(admin, false).value();

        SyncRun interrupted = sync.run(tenant, orphan.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(SyncRunState.INTERRUPTED);
        assertThat(interrupted.finishedAt()).isNotNull();
    }

    private void connect() {
        create();
        sync.configure(admin, SyncTestbed.activeDirectory(directory)).value();
    }

    private void create() {
        allot.work()
                .run(() -> allot.tenantDirectory()
                        .create(tenant, "Contoso", List.of("contoso.com"), "US", TenantPolicy.DEFAULT))
                .value();
    }
}
