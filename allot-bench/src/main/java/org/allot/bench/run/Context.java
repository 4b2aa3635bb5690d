package org.allot.bench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every scenario is given: the sizes, how many measured runs, the seed of its data, where to say what it does, and
 * which directory the sync scenario reads ({@code memory}, or {@code openldap} for slapd), and the data directory of
 * the embedded PostgreSQL (null when the database is elsewhere, {@code --url}).
 */
public record Context(Sizes sizes, int runs, long seed, PrintStream log, String syncDirectory, Path databaseDirectory) {

    /** The sync scenario against the in-memory LDAP server. */
    public Context(Sizes sizes, int runs, long seed, PrintStream log) {
        this(sizes, runs, seed, log, "memory", null);
    }

    /** A prefix for the users and groups of one run (warm-up: run -1), unique per seed, scenario and run. */
    public String prefix(String scenario, int run) {
        return "s" + seed + "-" + scenario + "-" + (run < 0 ? "w" : Integer.toString(run)) + "-";
    }

    public void say(String format, Object... args) {
        log.printf(Locale.ROOT, "  " + format + "%n", args);
        log.flush();
    }
}
