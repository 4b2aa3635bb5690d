package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.JavaProcess;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server is killed (SIGKILL) in the middle of applying a license to a group of 100,000; a second server process
 * takes the job over when the lease runs out. The outcome must equal a clean run of the same data.
 */
class CrashRecoveryIT {
    private static final int MEMBERS = 100_000;
    private static final int SEATS = 60_000;

    @Test
    void aGroupAssignmentInterruptedByAKillEndsExactlyLikeACleanRun() throws Exception {
        String url = TestDatabase.newDatabase();
        try (HikariDataSource ds = TestDatabase.pool(url, 10)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            PostgresInstallation allot = new PostgresInstallation(
                    ds,
                    CatalogFiles.builtIn(),
                    new LicensingSettings(200, 2000, 2000),
                    MutableClock.startingAt("2026-01-05T09:00:00Z"));
            Product e3 = allot.catalog()
                    .forTenant(TenantId.random())
                    .findByPartNumber("ENTERPRISEPACK")
                    .orElseThrow();
            TenantId crashed = prepare(allot, jdbc, "Crashed", e3);
            TenantId clean = prepare(allot, jdbc, "Clean", e3);

            try (JavaProcess first = server(url)) {
                first.await("Allot is listening", Duration.ofSeconds(90));
                waitUntil(() -> processed(jdbc, crashed) >= 20_000, Duration.ofMinutes(2));
                first.kill();
            }
            long partial = assignments(jdbc, crashed);
            assertThat(partial).as("the kill landed mid-job").isBetween(1L, MEMBERS - 1L);
            assertThat(jobState(jdbc, crashed)).isEqualTo("RUNNING");

            try (JavaProcess second = server(url)) {
                second.await("Allot is listening", Duration.ofSeconds(90));
                waitUntil(
                        () -> "DONE".equals(jobState(jdbc, crashed)) && "DONE".equals(jobState(jdbc, clean)),
                        Duration.ofMinutes(5));
            }

            assertThat(outcome(jdbc, crashed)).isEqualTo(outcome(jdbc, clean));
            assertThat(assignments(jdbc, crashed)).isEqualTo(MEMBERS);
            assertThat(seats(jdbc, crashed))
                    .isEqualTo(seats(jdbc, clean))
                    .isEqualTo(Map.of("consumed", SEATS, "waiting", MEMBERS - SEATS));
            assertThat(allot.assignments().waiting(crashed, e3.skuId(), MEMBERS))
                    .isEqualTo(allot.assignments().waiting(clean, e3.skuId(), MEMBERS));
            assertThat(audit(jdbc, crashed)).isEqualTo(audit(jdbc, clean));
            assertThat(audit(jdbc, crashed))
                    .containsEntry("CHANGE_USER_LICENSE", (long) MEMBERS)
                    .containsEntry("START_GROUP_LICENSING", 1L)
                    .containsEntry("FINISH_GROUP_LICENSING", 1L);
            assertThat(finishResult(jdbc, crashed))
                    .isEqualTo(
                            "Users successfully assigned licenses: 60000, Users for whom license assignment failed: 40000.");
            GroupId group = group(jdbc, crashed);
            assertThat(allot.groupLicenses().state(crashed, group)).isEqualTo(ProcessingState.ProcessingComplete);
        }
    }

    private static TenantId prepare(PostgresInstallation allot, JdbcClient jdbc, String name, Product e3) {
        TenantId tenant = TenantId.random();
        Caller admin = Caller.of(tenant, Actor.user("admin", "admin"));
        allot.work().run(() -> allot.tenantDirectory()
                .create(tenant, name, List.of("contoso.com"), "US", TenantPolicy.DEFAULT));
        allot.work().run(() -> allot.subscriptionBook()
                .add(admin, e3.skuId(), SEATS, SubscriptionStatus.Enabled, false, null));
        GroupId group = allot.work()
                .run(() ->
                        allot.groupDirectory().create(admin, Map.of(GroupAttribute.DISPLAY_NAME, "Everyone"), Set.of()))
                .value()
                .id();
        BulkDirectory.addUsers(jdbc, tenant, "member", MEMBERS, "US");
        BulkDirectory.addMembers(jdbc, tenant, group, "member", MEMBERS);
        var state = allot.work()
                .run(() -> allot.licensing()
                        .groups()
                        .assign(admin, group, List.of(AssignedLicense.of(e3.skuId())), List.of()))
                .value();
        assertThat(state.state()).isEqualTo(ProcessingState.QueuedForProcessing);
        return tenant;
    }

    private static JavaProcess server(String url) {
        return JavaProcess.start(
                "org.allot.server.AllotServer",
                List.of(
                        "--allot.database.url=" + url,
                        "--allot.database.username=postgres",
                        "--server.port=0",
                        "--allot.tls.enabled=false",
                        "--allot.processing.workers=1",
                        "--allot.processing.lease=3s",
                        "--allot.processing.poll-interval=100ms",
                        "--allot.processing.chunk-size=2000",
                        // the tenants were made with a clock of months ago: no scheduled license check is due here
                        "--allot.reconciliation.interval=0"));
    }

    private static List<Map<String, Object>> outcome(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("""
                        select user_id, sku_id, source_group_is_the_group, state, error, reason, disabled_plans::text
                        from (select a.*, a.source_group_id = g.id as source_group_is_the_group
                              from license_assignment a join directory_group g on g.tenant_id = a.tenant_id
                              where a.tenant_id = ?) x
                        order by user_id""").param(tenant.value()).query().listOfRows();
    }

    private static long assignments(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("select count(*) from license_assignment where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    private static int processed(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("select coalesce(max(processed), 0) from license_job where tenant_id = ?")
                .param(tenant.value())
                .query(Integer.class)
                .single();
    }

    private static String jobState(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("select state from license_job where tenant_id = ? and kind = 'GROUP' order by id desc limit 1")
                .param(tenant.value())
                .query(String.class)
                .single();
    }

    private static Map<String, Integer> seats(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("select consumed, waiting from seat_count where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> Map.of("consumed", rs.getInt("consumed"), "waiting", rs.getInt("waiting")))
                .single();
    }

    private static Map<String, Long> audit(JdbcClient jdbc, TenantId tenant) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                        select activity, count(*) as n from audit_event where tenant_id = ? and actor_kind = 'SYSTEM'
                          and activity in ('CHANGE_USER_LICENSE', 'START_GROUP_LICENSING', 'FINISH_GROUP_LICENSING')
                        group by 1""").param(tenant.value()).query(rs -> {
            counts.put(rs.getString("activity"), rs.getLong("n"));
        });
        return counts;
    }

    private static String finishResult(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql(
                        "select changes->0->>'newValue' from audit_event where tenant_id = ? and activity = 'FINISH_GROUP_LICENSING'")
                .param(tenant.value())
                .query(String.class)
                .single();
    }

    private static GroupId group(JdbcClient jdbc, TenantId tenant) {
        return new GroupId(jdbc.sql("select id from directory_group where tenant_id = ?")
                .param(tenant.value())
                .query(java.util.UUID.class)
                .single());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
