package org.allot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void aCallerAloneIsAnsweredAtOnceInABatchOfItsOwn() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        Batches<String, Integer, Integer> tens = new Batches<>(8, 1, 1, inputs -> {
            batches.add(inputs);
            return inputs.stream().map(i -> i * 10).toList();
        });

        assertThat(tens.run("contoso", 4)).contains(40);
        assertThat(tens.run("contoso", 5)).contains(50);
        assertThat(batches).containsExactly(List.of(4), List.of(5));
    }

    @Test
    void callersThatArriveWhileABatchRunsAreRunAsTheNextBatchEachWithItsOwnAnswer() throws Exception {
        HeldFirst held = new HeldFirst(1, 1);
        Batches<String, Integer, Integer> tens = held.tens;
        List<List<Integer>> batches = held.batches;
        CountDownLatch firstRunning = held.firstRunning;
        CountDownLatch release = held.release;
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Optional<Integer>> first = callers.submit(() -> tens.run("contoso", 0));
            await(firstRunning);
            List<Future<Optional<Integer>>> next = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int input = i;
                next.add(callers.submit(() -> tens.run("contoso", input)));
            }
            waitUntilWaiting(3);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).contains(0);
            for (int i = 1; i <= 3; i++) {
                assertThat(next.get(i - 1).get(10, TimeUnit.SECONDS)).contains(i * 10);
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsForItsCallersAndAnInputLeftUnansweredIsToldToWorkAlone() {
        Batches<String, Integer, Integer> picky = new Batches<>(8, 1, 1, inputs -> {
            if (inputs.contains(13)) {
                throw new IllegalStateException("unlucky");
            }
            return inputs.stream().map(i -> i % 2 == 0 ? i : null).toList();
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> picky.run("contoso", 13))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unlucky");
        assertThat(picky.run("contoso", 3)).isEmpty();
        assertThat(picky.run("contoso", 4)).contains(4);
    }

    @Test
    void aSecondBatchStartsBesideARunningOneOnlyOnceEnoughCallersWait() throws Exception {
        HeldFirst held = new HeldFirst(2, 3);
        Batches<String, Integer, Integer> tens = held.tens;
        List<List<Integer>> batches = held.batches;
        CountDownLatch firstRunning = held.firstRunning;
        CountDownLatch release = held.release;
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Optional<Integer>> first = callers.submit(() -> tens.run("contoso", 0));
            await(firstRunning);
            List<Future<Optional<Integer>>> next = new ArrayList<>();
            next.add(callers.submit(() -> tens.run("contoso", 1)));
            next.add(callers.submit(() -> tens.run("contoso", 2)));
            waitUntilWaiting(2);
            assertThat(batches)
                    .as("two waiting are not enough for a second batch")
                    .hasSize(1);
            next.add(callers.submit(() -> tens.run("contoso", 3)));

            for (int i = 1; i <= 3; i++) {
                assertThat(next.get(i - 1).get(10, TimeUnit.SECONDS)).contains(i * 10);
            }
            assertThat(first).isNotDone();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).contains(0);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void underARaceEachKeyRunsOneBatchAtATimeAndEveryCallerGetsItsOwnAnswerOnce() throws Exception {
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger inputsRun = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        Batches<String, Integer, Integer> tens = new Batches<>(5, 1, 1, inputs -> {
            String key = inputs.get(0) % 2 == 0 ? "even" : "odd";
            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inputsRun.addAndGet(inputs.size());
            largest.accumulateAndGet(inputs.size(), Math::max);
            running.get(key).decrementAndGet();
            return inputs.stream().map(i -> i * 10).toList();
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                answers.add(callers.submit(() -> {
                    boolean right = true;
                    for (int i = 0; i < 100; i++) {
                        int input = thread * 1000 + i;
                        right &=
                                tens.run(input % 2 == 0 ? "even" : "odd", input).equals(Optional.of(input * 10));
                    }
                    return right;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(inputsRun).hasValue(800);
        assertThat(largest.get()).isBetween(2, 5);
    }

    /** Batches that multiply by ten, each recorded; the one holding 0 is held until {@code release}. */
    private static final class HeldFirst {
        final CountDownLatch firstRunning = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final Batches<String, Integer, Integer> tens;

        HeldFirst(int parallel, int fill) {
            tens = new Batches<>(8, parallel, fill, inputs -> {
                batches.add(inputs);
                if (inputs.contains(0)) {
                    firstRunning.countDown();
                    await(release);
                }
                return inputs.stream().map(i -> i * 10).toList();
            });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} threads are parked, waiting for the batch that runs. */
    private static void waitUntilWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long parked = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                    .filter(e -> java.util.Arrays.stream(e.getValue())
                            .anyMatch(f -> f.getMethodName().equals("awaitUninterruptibly")))
                    .count();
            if (parked >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the callers did not wait for the running batch");
    }
}
