package org.allot.server.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the embedded PostgreSQL server, a child process of this server: started with PostgreSQL's durable
 * settings, listening on the loopback interface only, its output logged. Its lock file, {@code postmaster.pid}, says
 * when it is ready.
 */
final class Postmaster {
    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final Logger postgresLog = LoggerFactory.getLogger("org.allot.server.persistence.postgres");
    private static final Duration STARTUP = Duration.ofMinutes(10);

    /** Settings given on the command line, which win over postgresql.conf and ALTER SYSTEM. */
    static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("listen_addresses", "127.0.0.1"),
            Map.entry("unix_socket_directories", ""),
            Map.entry("password_encryption", "scram-sha-256"),
            Map.entry("fsync", "on"),
            Map.entry("synchronous_commit", "on"),
            Map.entry("full_page_writes", "on"),
            Map.entry("max_connections", "200"),
            Map.entry("shared_buffers", "256MB"),
            Map.entry("deadlock_timeout", "200ms"),
            Map.entry("timezone", "UTC"));

    private final Process process;
    private final Path directory;
    private final PostgresBinaries binaries;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private Postmaster(Process process, Path directory, PostgresBinaries binaries) {
        this.process = process;
        this.directory = directory;
        this.binaries = binaries;
        Thread reader = new Thread(this::log, "embedded-postgres-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts PostgreSQL on the data directory and waits until it accepts connections. */
    static Postmaster start(PostgresBinaries binaries, Path directory, int port) {
        List<String> args = new ArrayList<>(List.of("-D", directory.toString(), "-p", Integer.toString(port)));
        SETTINGS.forEach((name, value) -> args.addAll(List.of("-c", name + "=" + value)));
        Process process;
        try {
            process = new ProcessBuilder(binaries.command("postgres", args))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
        Postmaster postmaster = new Postmaster(process, directory, binaries);
        postmaster.awaitReady();
        return postmaster;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Blocks until the process ends; returns its exit code. */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Stops PostgreSQL: a fast shutdown (sessions ended, a checkpoint written) if it comes within {@code patience}, a
     * kill otherwise. Either way nothing committed is lost; after a kill the next start replays the write-ahead log.
     */
    void stop(Duration patience) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        boolean stopped;
        try {
            binaries.run(
                    "pg_ctl",
                    List.of("stop", "-D", directory.toString(), "-m", "fast", "-w", "-t", seconds(patience)),
                    "",
                    patience.plusSeconds(10));
            stopped = process.waitFor(5, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            stopped = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            log.warn("PostgreSQL did not stop within {} s; killing it", seconds(patience));
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Path lockFile = directory.resolve("postmaster.pid");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL stopped while starting (exit code " + process.exitValue()
                        + "):\n" + String.join("\n", lastLines()));
            }
            if (ready(lockFile)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL was starting", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL was not ready within " + STARTUP);
    }

    /** The lock file's first line is the postmaster's pid, its eighth its status. */
    private boolean ready(Path lockFile) {
        try {
            List<String> lines = Files.readAllLines(lockFile, StandardCharsets.US_ASCII);
            return lines.size() >= 8
                    && lines.get(0).trim().equals(Long.toString(process.pid()))
                    && lines.get(7).trim().equals("ready");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * PostgreSQL's own messages: its failures as warnings (but not the refusals while it starts or stops), the rest
     * for debugging.
     */
    private void log() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 30) {
                        lastLines.removeFirst();
                    }
                }
                boolean startingOrStopping = line.contains("FATAL:  the database system is")
                        || line.contains("FATAL:  terminating connection due to administrator command");
                if ((line.contains("FATAL:") && !startingOrStopping) || line.contains("PANIC:")) {
                    postgresLog.warn(line);
                } else {
                    postgresLog.debug(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private List<String> lastLines() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    private static String seconds(Duration d) {
        return Long.toString(Math.max(1, d.toSeconds()));
    }
}
