package org.allot.server.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The life of a server's background threads, for the job runner and the directory sync scheduler: started and
 * stopped with the application, each thread takes turns at its work and waits a poll interval after a turn that
 * found nothing to do or failed (an error is logged and the thread carries on); {@link #wake()} ends a wait early.
 * Stopping interrupts the threads and waits up to ten seconds for each to end.
 */
public final class PollingWorkers {
    private static final long JOIN_MILLIS = 10_000;

    /** One turn of work: true when it did something and the next turn should follow at once. */
    @FunctionalInterface
    public interface Turn {
        boolean run() throws InterruptedException;
    }

    private final Logger log;
    private final String label;
    private final String threadName;
    private final int count;
    private final long pollNanos;
    private final Turn turn;
    private final List<Thread> threads = new ArrayList<>();
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;

    /**
     * {@code count} threads named {@code threadName-0}, {@code threadName-1}…; errors are logged to {@code log} as
     * "{@code label} hit an error". With a count of 0 the workers only say they run (work is then driven by hand).
     */
    public PollingWorkers(Logger log, String label, String threadName, int count, Duration pollInterval, Turn turn) {
        this.log = Objects.requireNonNull(log);
        this.label = Objects.requireNonNull(label);
        this.threadName = Objects.requireNonNull(threadName);
        this.count = count;
        this.pollNanos = Math.max(1, pollInterval.toNanos());
        this.turn = Objects.requireNonNull(turn);
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::loop, threadName + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    public synchronized void stop() {
        running = false;
        wake();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    public boolean isRunning() {
        return running;
    }

    /** Ends the current wait of every thread, so work asked for now starts without waiting for the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!turn.run()) {
                    pause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("{} hit an error; carrying on", label, e);
                try {
                    pause();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pause() throws InterruptedException {
        long deadline = System.nanoTime() + pollNanos;
        synchronized (signal) {
            for (long left = pollNanos; !woken && running && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            woken = false;
        }
    }
}
