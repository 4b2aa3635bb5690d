package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.JavaProcess;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.testing.LicenseRace;
import org.allot.server.testing.PoolOracle;
import org.allot.server.testing.PoolWatch;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads of this process and of a second one apply random license-affecting changes to one tenant at the same time
 * — memberships of nested and overlapping licensed groups, direct licenses, usage locations, departments that a
 * dynamic rule follows, deletion, restore and purge, seats, the rule itself, group licenses and nesting — while both
 * run background jobs. The tenant's products are split into allotments ({@link org.allot.server.testing.RacePools}:
 * pools of two administrative units and of a group, one named on a group's assignment, with caps that fill while the
 * product has seats free), and the race also moves users in and out of the units, raises and lowers caps, changes the
 * named pool and the pools' order, deletes pools and creates them again. While it runs, a trigger ({@link PoolWatch})
 * checks every seat a pool gives against the seats it has at that moment. Afterwards, once the seats are back at
 * their highest and the pools settled (recomputed until nobody moves), every stored license is what the rules say for
 * the final directory, and every pool's figures, waiting list and holders are what the allotment rules say, checked
 * by oracles that read the raw tables and share no code with the engine. {@code allot-bench}'s race scenario runs the
 * same, without pools, at a larger size.
 */
class RandomLicenseRaceIT {
    private static final int OPERATIONS_PER_THREAD = 500;

    @TempDir
    Path temp;

    @Test
    void randomChangesFromTwoProcessesLeaveEveryLicenseAsTheRulesSay() throws Exception {
        Scenario contoso = Scenario.contosoWithBackgroundJobs();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        LicenseRace.Layout layout = LicenseRace.setUpWithPools(allot, contoso.admin, 60);
        allot.runAllJobs();
        Path file = temp.resolve("layout.txt");
        layout.write(file);
        long deadlocksBefore = DatabaseCounts.deadlocks(allot.jdbc());

        LicenseRace.Tally mine;
        String theirs;
        LicenseRace race = new LicenseRace(allot, layout, "first process");
        try (PoolWatch watch = PoolWatch.install(allot.jdbc());
                JavaProcess other = JavaProcess.start(
                        "org.allot.server.testing.LicenseRace",
                        List.of(
                                TestDatabase.jdbcUrl("postgres"),
                                file.toString(),
                                "2",
                                "4",
                                String.valueOf(OPERATIONS_PER_THREAD)))) {
            other.await("READY", Duration.ofSeconds(60));
            AtomicBoolean stop = new AtomicBoolean();
            Thread jobs = race.runJobsUntil(stop);
            other.send("go");
            mine = race.race(1, 6, OPERATIONS_PER_THREAD, stop);
            theirs = other.await("DONE", Duration.ofMinutes(5));
            stop.set(true);
            jobs.join();
            assertThat(other.output()).as("the second process's failures").doesNotContain("FAILURE");
            assertThat(watch.overfilled(contoso.tenant))
                    .as("seats a pool gave beyond the seats it had")
                    .isEmpty();
            assertThat(watch.queuedWhileProductHadSeats(contoso.tenant))
                    .as("users queued by a full pool while the product had seats free")
                    .isPositive();
        }
        // a reduction that committed after seats were taken leaves a legitimate overage (rule 9): the race ends at
        // the largest capacity it used, and the waiting lists are served
        for (SubscriptionId subscription : layout.subscriptions()) {
            allot.work()
                    .run(() -> allot.subscriptionBook().setSeats(contoso.admin, subscription, LicenseRace.MOST_SEATS))
                    .value();
        }
        allot.runAllJobs();
        int passes = race.pools().settle(contoso.admin);

        assertThat(mine.failures()).as("failures in this process").isEmpty();
        assertThat(mine.operations()).isEqualTo(6 * OPERATIONS_PER_THREAD);
        assertThat(theirs).startsWith("DONE " + 4 * OPERATIONS_PER_THREAD);
        List<String> differences = new LicenseOracle(allot.jdbc(), contoso.tenant, LicenseRace.RULES)
                .withPools(new PoolOracle(allot.jdbc(), contoso.tenant).afterCapsMovedAndSettled())
                .differences();
        System.out.printf(
                "Race: %d operations here (%d refused), %s there; pools settled in %d passes; %d differences%n",
                mine.operations(), mine.refused(), theirs, passes, differences.size());
        assertThat(differences)
                .as("differences between the stored licenses and the rules")
                .isEmpty();
        int held = allot.jdbc()
                .sql("select count(*) from license_assignment where tenant_id = ? and pending_removal_at is not null")
                .param(contoso.tenant.value())
                .query(Integer.class)
                .single();
        int freed = allot.jdbc()
                .sql("select count(*) from audit_event where tenant_id = ? and actor_id = 'removal grace'")
                .param(contoso.tenant.value())
                .query(Integer.class)
                .single();
        System.out.printf(
                "Race: %d EMS licenses held after their removal at the end, %d freed by the step%n", held, freed);
        assertThat(held + freed)
                .as("removals of EMS were held (PendingRemoval) during the race")
                .isPositive();
        assertThat(freed)
                .as("held licenses were freed by the step during the race")
                .isPositive();
        int pooled = allot.jdbc()
                .sql("select count(*) from license_assignment where tenant_id = ? and allotment_id is not null")
                .param(contoso.tenant.value())
                .query(Integer.class)
                .single();
        System.out.printf("Race: %d assignments draw from pools at the end%n", pooled);
        assertThat(pooled).as("seats drawn from pools").isPositive();
        assertThat(DatabaseCounts.deadlocks(allot.jdbc()) - deadlocksBefore)
                .as("deadlocks: locks are always taken in one order")
                .isZero();
    }
}
