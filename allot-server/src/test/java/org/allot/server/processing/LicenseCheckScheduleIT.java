package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckState;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The license check's schedule on PostgreSQL, as several servers sharing one database run it: each tenant gets one
 * run per interval, a repair by "reconciliation", however many servers look at once.
 */
class LicenseCheckScheduleIT {
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void everyTenantIsCheckedOncePerIntervalHoweverManyServersLook() throws Exception {
        String url = TestDatabase.newDatabase();
        try (HikariDataSource ds = TestDatabase.pool(url, 12)) {
            MutableClock clock = MutableClock.startingAt("2026-01-05T09:00:00Z");
            PostgresInstallation allot =
                    new PostgresInstallation(ds, CatalogFiles.builtIn(), LicensingSettings.DEFAULT, clock);
            List<Caller> tenants = List.of(allot.newTenant("Contoso"), allot.newTenant("Fabrikam"));
            List<LicenseCheckSchedule> servers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                servers.add(new LicenseCheckSchedule(allot.licenseCheck(), DAY, true));
            }
            assertThat(servers.get(0).startDue())
                    .as("new tenants are not due yet")
                    .isZero();

            clock.advance(Duration.ofHours(25));

            assertThat(allAtOnce(servers)).isEqualTo(tenants.size());
            for (Caller tenant : tenants) {
                List<LicenseCheckRun> runs = allot.licenseCheck().runs(tenant.tenant(), 0, 10);
                assertThat(runs).singleElement().satisfies(run -> {
                    assertThat(run.dryRun()).isFalse();
                    assertThat(run.requestedBy()).isEqualTo(Actor.RECONCILIATION);
                    assertThat(run.state()).isEqualTo(LicenseCheckState.Queued);
                });
            }
            allot.runJobs();
            assertThat(allAtOnce(servers)).as("just checked").isZero();
            assertThat(allot.licenseCheck()
                            .latest(tenants.get(0).tenant())
                            .orElseThrow()
                            .consistent())
                    .isTrue();

            clock.advance(Duration.ofHours(25));
            assertThat(allAtOnce(servers)).isEqualTo(tenants.size());
        }
    }

    /** Every server looks for due tenants at the same moment; returns how many runs they started in all. */
    private static int allAtOnce(List<LicenseCheckSchedule> servers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(servers.size());
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            List<Future<Integer>> started = new ArrayList<>();
            for (LicenseCheckSchedule server : servers) {
                started.add(pool.submit(() -> {
                    start.await();
                    return server.startDue();
                }));
            }
            int total = 0;
            for (Future<Integer> f : started) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
