package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Licensing a group of 100,000 is done in batches: the number of statements grows with the number of chunks, not
 * with the number of members, and each chunk reads its rows once. (How fast it is belongs to allot-bench.)
 */
class GroupFanOutIT {
    private static final int MEMBERS = 100_000;
    private static final int CHUNK = 2_000;

    @Test
    void aHundredThousandMembersAreLicensedWithStatementsPerChunkNotPerMember() {
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
            Product e5 = allot.subscribe(admin, "SPE_E5", MEMBERS);
            Product ems = allot.subscribe(admin, "EMS", MEMBERS);
            GroupId group = allot.work()
                    .run(() -> allot.groupDirectory()
                            .create(admin, Map.of(GroupAttribute.DISPLAY_NAME, "Everyone"), Set.of()))
                    .value()
                    .id();
            BulkDirectory.addUsers(jdbc, tenant, "member", MEMBERS, "US");
            BulkDirectory.addMembers(jdbc, tenant, group, "member", MEMBERS);
            allot.work().run(() -> allot.licensing()
                    .groups()
                    .assign(
                            admin,
                            group,
                            List.of(AssignedLicense.of(e5.skuId()), AssignedLicense.of(ems.skuId())),
                            List.of()));
            DatabaseCounts.resetStatements(jdbc);

            long started = System.nanoTime();
            allot.runJobs();
            long millis = (System.nanoTime() - started) / 1_000_000;

            long statements = DatabaseCounts.statements(jdbc);
            long assignments = jdbc.sql("select count(*) from license_assignment where tenant_id = ?")
                    .param(tenant.value())
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "Licensed %,d members with 2 SKUs in %,d ms using %,d statements%n", MEMBERS, millis, statements);
            assertThat(assignments).isEqualTo(2L * MEMBERS);
            int chunks = MEMBERS / CHUNK;
            assertThat(statements).as("statements for %d chunks", chunks).isLessThan(40L * chunks);
            // each chunk locks its users, reads their assignments and their groups once: no read runs more often than
            // once a chunk (and once more for the last, empty page of members), but for the seat rows, locked one
            // product after the other (each with its pools right after it, in the lock order)
            DatabaseCounts.reads(jdbc).forEach((sql, calls) -> {
                System.out.printf("%6d reads  %s%n", calls, sql);
                assertThat(calls)
                        .as("runs of %s", sql)
                        .isLessThanOrEqualTo(sql.contains("seat_count") ? 2L * chunks : chunks + 1L);
            });
            assertThat(allot.seats().all(tenant).get(e5.skuId()).consumed()).isEqualTo(MEMBERS);
        }
    }
}
