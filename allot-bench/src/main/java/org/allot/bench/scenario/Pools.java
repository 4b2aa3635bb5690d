package org.allot.bench.scenario;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker pools of the scenarios' measurements: a fixed pool for one measurement, shut down after it whatever
 * happened; an interrupt is kept and a worker's failure is rethrown as its cause.
 */
final class Pools {
    private Pools() {}

    /** What a measurement does with its pool: submits its workers and waits for them. */
    @FunctionalInterface
    interface Body<T> {
        T run(ExecutorService pool) throws InterruptedException, ExecutionException;
    }

    /** Runs {@code body} with a pool of {@code threads} threads. */
    static <T> T on(int threads, Body<T> body) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return body.run(pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
