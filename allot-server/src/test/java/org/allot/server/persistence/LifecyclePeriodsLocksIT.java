package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.LockWaits;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two admins change different lifecycle periods of a tenant at once: the change that waits must read what the other
 * wrote, so neither period is lost (all three are stored in one row).
 */
class LifecyclePeriodsLocksIT {
    private final PostgresInstallation allot = (PostgresInstallation) Scenario.contoso().allot;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aChangeWaitingForAnotherKeepsTheOtherPeriod() throws Exception {
        Caller admin = allot.newTenant("Periods race");
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The first change, as LifecyclePolicy makes it, held open once its periods are written.
        Future<?> first = threads.submit(() -> allot.work().run(() -> {
            allot.tenantLocks().exclusive(admin.tenant());
            LifecyclePeriods before = allot.lifecycleSettings().of(admin.tenant());
            allot.lifecycleSettings()
                    .save(admin.tenant(), new LifecyclePeriods(7, before.suspendedDays(), before.overageGraceDays()));
            saved.countDown();
            LockWaits.hold(release);
            return null;
        }));
        assertThat(saved.await(30, TimeUnit.SECONDS)).isTrue();

        Future<Outcome<LifecyclePeriods>> second =
                threads.submit(() -> allot.lifecyclePolicy().change(admin, null, 45, null));
        LockWaits.awaitSomeoneWaiting(allot.jdbc());
        release.countDown();

        first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS).isDone()).isTrue();
        LifecyclePeriods stored = allot.lifecyclePolicy().periods(admin.tenant());
        assertThat(stored.warningDays()).isEqualTo(7);
        assertThat(stored.suspendedDays()).isEqualTo(45);
        assertThat(stored.overageGraceDays()).isEqualTo(LifecyclePeriods.DEFAULTS.overageGraceDays());
    }
}
