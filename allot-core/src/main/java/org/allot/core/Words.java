package org.allot.core;

import java.time.Duration;

/** How messages write counts, wherever they are written (core's messages, the admin center's pages). */
public final class Words {
    private Words() {}

    /** A number with its noun, singular for one: "1 user", "0 users", "2 users". */
    public static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A duration in the largest whole unit that writes it exactly: "1 day", "36 hours", "90 seconds". */
    public static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return counted(seconds / 86_400, "day", "days");
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return counted(seconds / 3_600, "hour", "hours");
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return counted(seconds / 60, "minute", "minutes");
        }
        return counted(seconds, "second", "seconds");
    }
}
