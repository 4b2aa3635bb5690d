package org.allot.cli.command;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.allot.cli.api.Api;
import org.allot.cli.context.Context;
import org.allot.cli.output.Progress;
import org.allot.cli.process.Failure;

/**
 * What every {@code --wait} does: read how something stands, show it in a progress indicator, and read again —
 * after 250 ms, doubling up to 2 s — until it is done; past the timeout, a failure that says how to wait again.
 */
final class Polling {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private Polling() {}

    /**
     * Polls until {@code done}; returns the reading that was. {@code first} is a reading already at hand (null: read
     * at once), {@code status} what the indicator shows, {@code late} the message when the timeout is reached.
     */
    static <T> T until(
            Context context,
            String task,
            Boolean progress,
            Duration timeout,
            T first,
            Supplier<T> read,
            Predicate<T> done,
            Function<T, String> status,
            Function<T, String> late) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        T current = first != null ? first : read.get();
        try (Progress bar =
                Progress.start(task, -1, progress, context.environment().interactive(), context.err())) {
            while (true) {
                bar.message(status.apply(current));
                if (done.test(current)) {
                    return current;
                }
                if (System.nanoTime() > deadline) {
                    throw Failure.failed("Timeout", late.apply(current));
                }
                Api.pause(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                current = read.get();
            }
        }
    }
}
