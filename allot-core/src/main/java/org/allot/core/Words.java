package org.allot.core;

/** How messages write counts, wherever they are written (core's messages, the admin center's pages). */
public final class Words {
    private Words() {}

    /** A number with its noun, singular for one: "1 user", "0 users", "2 users". */
    public static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
