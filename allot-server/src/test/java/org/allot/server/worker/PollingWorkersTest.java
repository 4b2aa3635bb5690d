package org.allot.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PollingWorkersTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Test
    void aTurnThatFoundWorkIsFollowedAtOnceAndAnIdleOneWaitsForTheNextPoll() throws InterruptedException {
        Semaphore turns = new Semaphore(0);
        AtomicInteger taken = new AtomicInteger();
        PollingWorkers workers = workers(1, AN_HOUR, () -> {
            turns.release();
            return taken.incrementAndGet() < 3;
        });

        workers.start();
        try {
            assertThat(turns.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
            assertThat(turns.tryAcquire(200, TimeUnit.MILLISECONDS))
                    .as("waiting an hour")
                    .isFalse();
        } finally {
            workers.stop();
        }
    }

    @Test
    void wakeEndsTheWaitEarly() throws InterruptedException {
        Semaphore turns = new Semaphore(0);
        PollingWorkers workers = workers(1, AN_HOUR, () -> {
            turns.release();
            return false;
        });

        workers.start();
        try {
            assertThat(turns.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            workers.wake();
            assertThat(turns.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop();
        }
    }

    @Test
    void anErrorIsLoggedAndTheWorkerCarriesOnAfterAPoll() throws InterruptedException {
        Semaphore turns = new Semaphore(0);
        PollingWorkers workers = workers(1, Duration.ofMillis(50), () -> {
            turns.release();
            throw new IllegalStateException("broken on purpose");
        });

        workers.start();
        try {
            assertThat(turns.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop();
        }
    }

    @Test
    void stopEndsEveryThreadAndWithoutThreadsTheWorkersStillSayTheyRun() throws InterruptedException {
        Semaphore started = new Semaphore(0);
        PollingWorkers workers = workers(3, AN_HOUR, () -> {
            started.release();
            return false;
        });
        workers.start();
        assertThat(started.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.isRunning()).isTrue();

        workers.stop();

        assertThat(workers.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("test-workers-") && t.isAlive());
        PollingWorkers none = workers(0, AN_HOUR, () -> false);
        none.start();
        assertThat(none.isRunning()).isTrue();
        none.stop();
    }

    private static PollingWorkers workers(int count, Duration poll, PollingWorkers.Turn turn) {
        return new PollingWorkers(
                LoggerFactory.getLogger(PollingWorkersTest.class), "Test worker", "test-workers", count, poll, turn);
    }
}
