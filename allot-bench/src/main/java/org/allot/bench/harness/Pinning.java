package org.allot.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Processes pinned to a set of cores with {@code taskset} (util-linux), so that on a small machine each part of a
 * measurement (the servers, the database) has cores of its own and what one adds shows as contention, not as CPU
 * taken from the other; and processes paused and resumed with signals.
 */
public final class Pinning {
    private Pinning() {}

    /** Whether taskset is installed and the machine has at least two cores to share out. */
    public static boolean available() {
        return Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
    }

    /**
     * Pins a process and every thread it has to the cores ({@code "0"}, {@code "1-3"}); the threads and children it
     * makes later inherit the set.
     */
    public static void pin(long pid, String cores) {
        run(List.of("taskset", "-a", "-p", "-c", cores, Long.toString(pid)));
    }

    /** Pins the database server: its postmaster and every process it runs now (the ones it forks later inherit). */
    public static void pinDatabase(Database db, String cores) {
        Optional<ProcessHandle> postmaster =
                ProcessHandle.of(db.queryLong("select pg_backend_pid()")).flatMap(ProcessHandle::parent);
        if (postmaster.isEmpty()) {
            throw new IllegalStateException("the database's processes are not on this machine");
        }
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster.get().pid());
        postmaster.get().descendants().forEach(p -> pids.add(p.pid()));
        for (long pid : pids) {
            pin(pid, cores);
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to a process. */
    static void signal(String name, long pid) {
        run(List.of("kill", "-" + name, Long.toString(pid)));
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
