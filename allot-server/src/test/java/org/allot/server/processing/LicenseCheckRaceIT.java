package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allot.core.Outcome;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.testing.LicenseRace;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * The license check amid the race of random license-affecting changes: repairs and dry runs asked for again and again
 * while the changes go on take their locks in the documented order (no deadlock) and leave every license as the
 * rules say; afterwards a dry run of a tenant the independent oracle finds consistent finds nothing either.
 */
class LicenseCheckRaceIT {
    private static final int OPERATIONS_PER_THREAD = 250;

    @Test
    void repairsDuringRandomChangesBreakNothingAndADryRunAfterwardsFindsNothing() throws Exception {
        Scenario contoso = Scenario.contosoWithBackgroundJobs();
        PostgresInstallation allot = (PostgresInstallation) contoso.allot;
        LicenseRace.Layout layout = LicenseRace.setUp(allot, contoso.admin, 60);
        allot.runAllJobs();
        long deadlocksBefore = DatabaseCounts.deadlocks(allot.jdbc());

        AtomicBoolean stop = new AtomicBoolean();
        LicenseRace race = new LicenseRace(allot, layout, "race");
        Thread jobs = race.runJobsUntil(stop);
        List<LicenseCheckRun> checks = new ArrayList<>();
        Thread checker = new Thread(() -> askForChecks(allot, contoso, stop, checks), "checks");
        checker.start();
        LicenseRace.Tally tally = race.race(7, 4, OPERATIONS_PER_THREAD, stop);
        stop.set(true);
        checker.join();
        jobs.join();
        for (SubscriptionId subscription : layout.subscriptions()) {
            allot.work()
                    .run(() -> allot.subscriptionBook().setSeats(contoso.admin, subscription, LicenseRace.MOST_SEATS))
                    .value();
        }
        allot.runAllJobs();

        assertThat(tally.failures()).isEmpty();
        assertThat(checks).as("runs asked for during the race").isNotEmpty();
        assertThat(checks)
                .extracting(run -> allot.licenseCheck()
                        .run(contoso.tenant, run.id())
                        .orElseThrow()
                        .state()
                        .name())
                .containsOnly("Succeeded");
        assertThat(new LicenseOracle(allot.jdbc(), contoso.tenant, LicenseRace.RULES).differences())
                .as("differences between the stored licenses and the rules")
                .isEmpty();
        LicenseCheckRun after = allot.work()
                .run(() -> allot.licenseCheck().request(contoso.admin, true))
                .value();
        allot.runAllJobs();
        assertThat(contoso.differences(after))
                .as("what a dry run finds on a consistent tenant")
                .isEmpty();
        assertThat(DatabaseCounts.deadlocks(allot.jdbc()) - deadlocksBefore)
                .as("deadlocks")
                .isZero();
    }

    /** Asks for a repair, then a dry run, and so on, whenever none is under way, until the race stops. */
    private static void askForChecks(
            PostgresInstallation allot, Scenario contoso, AtomicBoolean stop, List<LicenseCheckRun> asked) {
        boolean dryRun = false;
        while (!stop.get()) {
            boolean dry = dryRun;
            Outcome<LicenseCheckRun> run =
                    allot.work().run(() -> allot.licenseCheck().request(contoso.admin, dry));
            if (run.isDone()) {
                synchronized (asked) {
                    asked.add(run.value());
                }
                dryRun = !dryRun;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
