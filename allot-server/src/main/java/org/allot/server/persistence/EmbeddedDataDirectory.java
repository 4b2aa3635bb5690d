package org.allot.server.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's data directory: created with password authentication on first start, brought up to
 * date when an earlier version of Allot created it (any local connection trusted, no password), and taken back from
 * a PostgreSQL that a killed server left running.
 */
final class EmbeddedDataDirectory {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    static final String SUPERUSER = "postgres";

    /** Written at every start; the first line tells Allot's file from one an earlier version left. */
    private static final String HBA = """
            # Written by Allot at every start of its embedded PostgreSQL; changes here are overwritten.
            # Password (scram-sha-256) connections from this machine only; no Unix socket, no other host.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private static final Duration INITDB = Duration.ofMinutes(5);

    private EmbeddedDataDirectory() {}

    /**
     * Makes the directory ready for a start with the password: creates it, or brings an earlier one up to date
     * without touching its data.
     */
    static void prepare(Path directory, DatabasePassword password, PostgresBinaries binaries) throws IOException {
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            create(directory, password, binaries);
        } else if (password.created() || !ours(directory)) {
            log.warn(
                    "The embedded PostgreSQL in {} accepted local connections without a password; it now requires"
                            + " the password kept in {}",
                    directory,
                    password.file());
            setPassword(directory, password, binaries);
        }
        writeHba(directory);
    }

    /** initdb into a folder beside the directory, moved into place once complete, so a crash leaves no half. */
    private static void create(Path directory, DatabasePassword password, PostgresBinaries binaries)
            throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("The folder " + directory
                            + " holds files but no PostgreSQL database; move them away and start again.");
                }
            }
            Files.delete(directory);
        }
        Path draft = directory.resolveSibling(directory.getFileName() + ".initdb");
        deleteRecursively(draft);
        binaries.run(
                "initdb",
                List.of(
                        "-D",
                        draft.toString(),
                        "-U",
                        SUPERUSER,
                        "-A",
                        "scram-sha-256",
                        "--pwfile=" + password.file(),
                        "-E",
                        "UTF-8"),
                "",
                INITDB);
        Files.move(draft, directory, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created the embedded PostgreSQL database in {}", directory);
    }

    /** Sets the superuser's password in single-user mode: no connection is accepted meanwhile. */
    private static void setPassword(Path directory, DatabasePassword password, PostgresBinaries binaries) {
        String output;
        try {
            output = binaries.run(
                    "postgres",
                    List.of(
                            "--single",
                            "-D",
                            directory.toString(),
                            "-c",
                            "listen_addresses=",
                            "-c",
                            "unix_socket_directories=",
                            "-c",
                            "password_encryption=scram-sha-256",
                            SUPERUSER),
                    "ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password.value() + "';\n",
                    INITDB);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage().replace(password.value(), "(the password)"));
        }
        if (output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password:\n"
                    + output.replace(password.value(), "(the password)"));
        }
    }

    private static boolean ours(Path directory) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readString(hba, StandardCharsets.UTF_8)
                        .startsWith(HBA.lines().findFirst().orElseThrow());
    }

    private static void writeHba(Path directory) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            Path draft = directory.resolve("pg_hba.conf.new");
            Files.writeString(draft, HBA, StandardCharsets.UTF_8);
            Files.move(draft, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * A postmaster whose server was killed keeps running without a parent; stop it so this start can take over the
     * data directory. A postmaster whose parent lives belongs to another running server: refuse to share.
     */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Removing the stale lock file of PostgreSQL process {}, which is gone", pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> parent = process.get().parent().filter(ProcessHandle::isAlive);
        boolean orphan = parent.isEmpty()
                || parent.get().pid() == 1
                || parent.get().info().command().map(c -> !c.contains("java")).orElse(true);
        if (!orphan) {
            throw new IllegalStateException("The data directory " + directory + " is in use by PostgreSQL process "
                    + pid + " of another running Allot server (process "
                    + parent.get().pid() + ").");
        }
        log.warn("Stopping PostgreSQL process {} left running by a server that stopped abruptly", pid);
        process.get().destroy();
        boolean stopped = process.get()
                        .onExit()
                        .completeOnTimeout(null, 30, TimeUnit.SECONDS)
                        .join()
                != null;
        if (!stopped) {
            process.get().destroyForcibly();
            process.get().onExit().join();
        }
        Files.deleteIfExists(pidFile);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
