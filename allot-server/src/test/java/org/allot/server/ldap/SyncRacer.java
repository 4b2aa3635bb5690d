package org.allot.server.ldap;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.MutableClock;
import org.allot.core.testing.TestCatalog;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;

/**
 * The second server of {@link SyncLicenseRaceIT}: over the same database, it starts sync runs of the tenant (full
 * or delta, at random) and runs background jobs beside, until told to stop, and reports what it did.
 * Arguments: the database's JDBC URL, the tenant, the seed.
 */
final class SyncRacer {
    private SyncRacer() {}

    public static void main(String[] args) throws Exception {
        var dataSource = TestDatabase.pool(args[0], 8);
        PostgresInstallation allot = new PostgresInstallation(
                dataSource,
                TestCatalog.catalog(),
                new LicensingSettings(3, 2, 2),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        DirectorySync sync = SyncTestbed.directorySync(allot, dataSource, 10);
        Caller admin =
                Caller.of(new TenantId(UUID.fromString(args[1])), Actor.user("second server", "admin@contoso.com"));
        Random random = new Random(Long.parseLong(args[2]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        in.readLine();
        AtomicBoolean stop = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            try {
                in.readLine();
            } catch (java.io.IOException e) {
                // the test went away: stop as well
            }
            stop.set(true);
        });
        stopper.start();
        Thread jobs = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (allot.runJobs() == 0) {
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("FAILURE job " + e);
                }
            }
        });
        jobs.start();
        int runs = 0;
        int refused = 0;
        int failures = 0;
        while (!stop.get()) {
            try {
                Outcome<SyncRun> run = sync.runNow(admin, random.nextInt(3) == 0);
                if (run.isDone()) {
                    runs++;
                    if (run.value().state() != SyncRunState.SUCCEEDED) {
                        failures++;
                        System.out.println("FAILURE run " + run.value().state() + ": "
                                + run.value().message());
                    }
                } else if (run.rejection().code() == ErrorCode.CONFLICT) {
                    refused++;
                } else {
                    failures++;
                    System.out.println("FAILURE run refused: " + run.rejection().message());
                }
                Thread.sleep(random.nextInt(50));
            } catch (RuntimeException e) {
                failures++;
                System.out.println("FAILURE " + e);
            }
        }
        jobs.join();
        System.out.println(
                "DONE " + runs + " runs, " + refused + " refused while another ran, " + failures + " failures");
        System.out.flush();
        dataSource.close();
    }
}
