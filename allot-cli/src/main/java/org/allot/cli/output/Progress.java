package org.allot.cli.output;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line a second when asked for in a script (logs),
 * or nothing. A total below zero shows activity without an end.
 */
public final class Progress implements AutoCloseable {
    private static final int WIDTH = 100;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** No progress shown. */
    public static Progress none() {
        return new Progress(null);
    }

    /**
     * Shown when {@code show} says so, or (when {@code show} is null) when a person watches a terminal.
     *
     * @param terminal whether stderr is a terminal
     */
    public static Progress start(String task, long total, Boolean show, boolean terminal, PrintWriter err) {
        boolean visible = show == null ? terminal : show;
        if (!visible) {
            return none();
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII);
        if (!terminal) {
            builder.setUpdateIntervalMillis(1000)
                    .setConsumer(new DelegatingProgressBarConsumer(
                            line -> {
                                err.println(line.stripTrailing());
                                err.flush();
                            },
                            WIDTH));
        }
        return new Progress(builder.build());
    }

    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
