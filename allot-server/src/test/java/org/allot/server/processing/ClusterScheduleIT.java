package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.server.persistence.JdbcScheduledSteps;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Periodic steps of servers sharing one database run once per period across them: the retention sweep, reclaim,
 * alerts and the others would otherwise run on every server at every tick.
 */
class ClusterScheduleIT {
    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.shared());

    @Test
    void threeServersTickingAtOnceRunAStepOnceAndAgainOnlyAfterMostOfAPeriod() throws Exception {
        String step = "step-" + UUID.randomUUID();
        Duration period = Duration.ofSeconds(3);
        AtomicInteger runs = new AtomicInteger();
        List<Runnable> ticks = new ArrayList<>();
        for (String node : List.of("a", "b", "c")) {
            ticks.add(new ClusterSchedule(new JdbcScheduledSteps(jdbc), node, true)
                    .once(step, period, runs::incrementAndGet));
        }

        tickAll(ticks, 4);
        assertThat(runs.get()).as("twelve ticks at once, one run").isEqualTo(1);
        String first = ranBy(step);
        assertThat(first).isIn("a", "b", "c");

        tickAll(ticks, 2);
        assertThat(runs.get()).as("ticks within the period run nothing").isEqualTo(1);

        Thread.sleep(period.toMillis() * 9 / 10 + 100);
        tickAll(ticks, 4);
        assertThat(runs.get())
                .as("once most of a period has gone by, one more run")
                .isEqualTo(2);
    }

    @Test
    void aServerThatIsTheOnlyOneRunsItsStepAtEveryTickAndClaimsNothing() {
        String step = "step-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        Runnable tick = new ClusterSchedule(new JdbcScheduledSteps(jdbc), "alone", false)
                .once(step, Duration.ofHours(1), runs::incrementAndGet);

        tick.run();
        tick.run();

        assertThat(runs.get()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from scheduled_step where name = ?")
                        .param(step)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aStepThatFailsKeepsItsTurnAndTheNextServerTriesAtTheNextPeriod() throws Exception {
        String step = "step-" + UUID.randomUUID();
        Duration period = Duration.ofSeconds(1);
        AtomicInteger tries = new AtomicInteger();
        Runnable failing = new ClusterSchedule(new JdbcScheduledSteps(jdbc), "a", true).once(step, period, () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("the step failed");
        });
        AtomicInteger runs = new AtomicInteger();
        Runnable other =
                new ClusterSchedule(new JdbcScheduledSteps(jdbc), "b", true).once(step, period, runs::incrementAndGet);

        try {
            failing.run();
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the step failed");
        }
        other.run();
        assertThat(runs.get()).as("the turn was a's").isZero();

        Thread.sleep(1_000);
        other.run();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(ranBy(step)).isEqualTo("b");
        assertThat(tries.get()).isEqualTo(1);
    }

    private String ranBy(String step) {
        return jdbc.sql("select ran_by from scheduled_step where name = ?")
                .param(step)
                .query(String.class)
                .single();
    }

    private static void tickAll(List<Runnable> ticks, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ticks.size() * each);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable tick : ticks) {
                for (int i = 0; i < each; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        tick.run();
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
