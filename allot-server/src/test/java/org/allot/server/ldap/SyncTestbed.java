package org.allot.server.ldap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assembly.AssignedLicenses;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.sync.CloudDirectory;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.OnPremisesDirectory;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncSettings;
import org.allot.core.sync.SyncStores;
import org.allot.core.testing.Installations;
import org.allot.core.testing.Scenario;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcConnectors;
import org.allot.server.persistence.JdbcSyncLocks;
import org.allot.server.persistence.JdbcSyncRuns;
import org.allot.server.persistence.JdbcSyncedObjects;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contoso on PostgreSQL with the server's sync adapters: the JDBC stores, the advisory-lock, AES-GCM secrets and the
 * UnboundID LDAP source, wired as the server wires them. Pages of 100 entries, so that the test directories span
 * many pages.
 */
final class SyncTestbed {
    static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    final Scenario contoso;
    final PostgresInstallation allot;
    final TenantId tenant;
    final JdbcClient jdbc;
    final JdbcConnectors connectors;
    final JdbcSyncRuns runs;
    final JdbcSyncLocks locks;
    final DirectorySync sync;

    SyncTestbed() {
        this(Duration.ofSeconds(30));
    }

    /** With the directory's answers awaited at most so long. */
    SyncTestbed(Duration responseTimeout) {
        this(postgres(Scenario::contoso), responseTimeout, 100);
    }

    /** For {@code contoso} (on PostgreSQL), reading the directory in pages of {@code pageSize} entries. */
    SyncTestbed(Scenario contoso, Duration responseTimeout, int pageSize) {
        this.contoso = contoso;
        allot = (PostgresInstallation) contoso.allot;
        tenant = contoso.tenant;
        jdbc = allot.jdbc();
        connectors = new JdbcConnectors(jdbc, JsonMapper.builder().build());
        runs = new JdbcSyncRuns(jdbc);
        locks = new JdbcSyncLocks(TestDatabase.shared());
        sync = directorySync(allot, TestDatabase.shared(), connectors, runs, locks, responseTimeout, pageSize);
    }

    /**
     * Directory sync over {@code allot}'s services and stores, wired as the server wires it, reading the directory in
     * pages of {@code pageSize} entries: what a second process of a test builds over the same database.
     */
    static DirectorySync directorySync(PostgresInstallation allot, DataSource dataSource, int pageSize) {
        JdbcClient jdbc = allot.jdbc();
        return directorySync(
                allot,
                dataSource,
                new JdbcConnectors(jdbc, JsonMapper.builder().build()),
                new JdbcSyncRuns(jdbc),
                new JdbcSyncLocks(dataSource),
                Duration.ofSeconds(30),
                pageSize);
    }

    private static DirectorySync directorySync(
            PostgresInstallation allot,
            DataSource dataSource,
            JdbcConnectors connectors,
            JdbcSyncRuns runs,
            JdbcSyncLocks locks,
            Duration responseTimeout,
            int pageSize) {
        JdbcClient jdbc = allot.jdbc();
        JsonMapper json = JsonMapper.builder().build();
        return new DirectorySync(
                new SyncStores(
                        new JdbcTenants(jdbc),
                        connectors,
                        runs,
                        new JdbcSyncedObjects(jdbc),
                        locks,
                        allot.work()::execute),
                new OnPremisesDirectory(
                        new LdapDirectorySource(Duration.ofSeconds(5), responseTimeout, 100), new AesGcmSecrets(KEY)),
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
                                new JdbcAuditLog(dataSource, jdbc, json),
                                allot.clock())),
                new JdbcAuditLog(dataSource, jdbc, json),
                allot.clock(),
                new SyncSettings(pageSize, Duration.ofDays(1), Duration.ofMinutes(10), 10_000));
    }

    static ConnectorRequest activeDirectory(TestDirectory directory) {
        return request("activeDirectory", directory);
    }

    /** A tenant made by {@code scenario}, which must be on PostgreSQL. */
    static Scenario postgres(java.util.function.Supplier<Scenario> scenario) {
        if (!System.getProperty(Installations.PROPERTY, "memory").equals("postgres")) {
            throw new IllegalStateException("run with -D" + Installations.PROPERTY + "=postgres (failsafe sets it)");
        }
        return scenario.get();
    }

    static ConnectorRequest genericLdap(TestDirectory directory) {
        return request("genericLdap", directory);
    }

    private static ConnectorRequest request(String preset, TestDirectory directory) {
        return new ConnectorRequest(
                preset,
                directory.url(),
                false,
                null,
                TestDirectory.BIND_DN,
                TestDirectory.PASSWORD,
                List.of(TestDirectory.BASE),
                null,
                null,
                Map.of(),
                true);
    }

    Connector connect(ConnectorRequest request) {
        return sync.configure(contoso.admin, request).value();
    }

    SyncRun run() {
        return sync.runNow(contoso.admin, false).value();
    }

    /** A full run, as an administrator asks for one (a generic directory's deltas leave deletions to full runs). */
    SyncRun runFull() {
        return sync.runNow(contoso.admin, true).value();
    }

    Optional<User> user(String userPrincipalName) {
        return allot.users().findByPrincipalName(tenant, userPrincipalName);
    }

    User synced(String userPrincipalName) {
        return user(userPrincipalName).orElseThrow(() -> new AssertionError("no user " + userPrincipalName));
    }

    Optional<Group> group(String displayName) {
        return jdbc.sql("select id from directory_group where tenant_id = ? and display_name = ?")
                .params(tenant.value(), displayName)
                .query(java.util.UUID.class)
                .optional()
                .flatMap(id -> allot.groups().find(tenant, new GroupId(id)));
    }

    GroupId groupId(String displayName) {
        return group(displayName)
                .orElseThrow(() -> new AssertionError("no group " + displayName))
                .id();
    }

    /** The direct members of a group, by user principal name or group display name. */
    Set<String> members(String group) {
        return allot.memberships().directMembers(tenant, groupId(group)).stream()
                .map(this::name)
                .collect(Collectors.toSet());
    }

    private String name(Member member) {
        return member instanceof Member.OfUser u
                ? allot.users()
                        .find(tenant, u.id())
                        .map(User::userPrincipalName)
                        .orElseThrow()
                : allot.groups()
                        .find(tenant, ((Member.OfGroup) member).id())
                        .map(Group::displayName)
                        .orElseThrow();
    }

    long syncedUsers() {
        return jdbc.sql("""
                        select count(*) from directory_user
                        where tenant_id = ? and on_premises_sync_enabled and deleted_at is null""").param(tenant.value()).query(Long.class).single();
    }

    boolean isMember(String group, UserId user) {
        return allot.memberships().isDirectMember(tenant, groupId(group), Member.user(user));
    }
}
