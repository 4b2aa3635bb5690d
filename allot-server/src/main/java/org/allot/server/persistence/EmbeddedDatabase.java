package org.allot.server.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run by Allot itself, with its files in the data directory, for installations without a database of
 * their own. A database left running by a server that was killed is stopped before a new one starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path directory = dataDirectory.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            stopOrphan(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("deadlock_timeout", "200ms");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), directory);
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A postmaster whose server was killed keeps running without a parent; stop it so this start can take over the
     * data directory. A postmaster whose parent lives belongs to another running server: refuse to share.
     */
    private static void stopOrphan(Path directory) throws IOException {
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
                        .completeOnTimeout(null, 30, java.util.concurrent.TimeUnit.SECONDS)
                        .join()
                != null;
        if (!stopped) {
            process.get().destroyForcibly();
            process.get().onExit().join();
        }
        Files.deleteIfExists(pidFile);
    }
}
