package org.allot.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rule change over 100,000 users is recomputed set-wise: the number of statements grows with the number of chunks,
 * not with the number of users, and only the 20,000 users the change concerns are touched. (How fast it is belongs
 * to allot-bench.)
 */
class DynamicGroupFanOutIT {
    private static final int USERS = 100_000;
    private static final int CHUNK = 2_000;

    @Test
    void aRuleChangeOverAHundredThousandUsersTakesStatementsPerChunkNotPerUser() {
        String url = TestDatabase.newDatabase();
        try (HikariDataSource ds = TestDatabase.pool(url, 4)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            PostgresInstallation allot = new PostgresInstallation(
                    ds,
                    CatalogFiles.builtIn(),
                    new LicensingSettings(200, CHUNK, 2000),
                    MutableClock.startingAt("2026-01-05T09:00:00Z"));
            Caller admin = allot.newTenant("Fabrikam");
            TenantId tenant = admin.tenant();
            Product e5 = allot.subscribe(admin, "SPE_E5", USERS);
            BulkDirectory.addUsers(jdbc, tenant, "user", USERS, "US");
            GroupId group = allot.dynamicGroup(admin, "Revenue", "user.department -eq \"Sales\"");
            allot.runJobs();
            allot.work().run(() -> allot.licensing()
                    .groups()
                    .assign(admin, group, List.of(AssignedLicense.of(e5.skuId())), List.of()));
            allot.runJobs();
            assertThat(allot.memberships().countUserMembers(tenant, group, false))
                    .isEqualTo(USERS / 5);
            Map<String, Long> before = DatabaseCounts.auditActivities(jdbc, tenant);
            allot.work().run(() -> allot.groupDirectory()
                    .update(
                            admin,
                            group,
                            Map.of(GroupAttribute.MEMBERSHIP_RULE, "user.department -in [\"Sales\", \"Marketing\"]")));
            DatabaseCounts.resetStatements(jdbc);

            long started = System.nanoTime();
            allot.runJobs();
            long millis = (System.nanoTime() - started) / 1_000_000;

            long statements = DatabaseCounts.statements(jdbc);
            System.out.printf(
                    "Recomputed a rule over %,d users (%,d joined) in %,d ms using %,d statements%n",
                    USERS, USERS / 5, millis, statements);
            int chunks = USERS / CHUNK;
            assertThat(statements).as("statements for %d chunks", chunks).isLessThan(40L * chunks);
            assertThat(allot.memberships().countUserMembers(tenant, group, false))
                    .isEqualTo(2L * USERS / 5);
            Map<String, Long> after = DatabaseCounts.auditActivities(jdbc, tenant);
            assertThat(after.get("ADD_MEMBER") - before.get("ADD_MEMBER")).isEqualTo(USERS / 5);
            assertThat(after.getOrDefault("REMOVE_MEMBER", 0L)).isZero();
            assertThat(after.get("CHANGE_USER_LICENSE") - before.get("CHANGE_USER_LICENSE"))
                    .isEqualTo(USERS / 5);
            assertThat(allot.seats().all(tenant).get(e5.skuId()).consumed()).isEqualTo(2 * USERS / 5);
        }
    }
}
