package org.allot.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run by Allot itself, with its files in the data directory, for installations without a database of
 * their own. It runs with PostgreSQL's durable settings, listens on the loopback interface only and requires the
 * password kept beside its files ({@code postgres-password}). A database left running by a server that was killed is
 * stopped before a new one starts; one that dies while the server runs is started again at once (a watchdog).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final PostgresBinaries binaries;
    private final Path directory;
    private final DatabasePassword password;
    private final int port;
    private final Thread watchdog;
    private volatile Postmaster postmaster;
    private volatile boolean closing;

    private EmbeddedDatabase(PostgresBinaries binaries, Path directory, DatabasePassword password, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.password = password;
        this.port = port;
        this.postmaster = Postmaster.start(binaries, directory, port);
        this.watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path directory = data.resolve("postgres");
        try {
            Files.createDirectories(data);
            EmbeddedDataDirectory.stopOrphan(directory);
            PostgresBinaries binaries = PostgresBinaries.extracted(data.resolve("postgres-binaries"));
            DatabasePassword password = DatabasePassword.readOrCreate(data.resolve("postgres-password"));
            EmbeddedDataDirectory.prepare(directory, password, binaries);
            EmbeddedDatabase database =
                    new EmbeddedDatabase(binaries, directory, password, port > 0 ? port : freePort());
            log.info(
                    "Embedded PostgreSQL is running on 127.0.0.1:{} with its data in {} (superuser {}, password in {})",
                    database.port,
                    directory,
                    database.username(),
                    password.file());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return EmbeddedDataDirectory.SUPERUSER;
    }

    public String password() {
        return password.value();
    }

    public Path directory() {
        return directory;
    }

    /** Stops PostgreSQL cleanly, waiting up to a minute for it to write its checkpoint. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
    }

    /**
     * Stops PostgreSQL: a clean shutdown if it comes within {@code patience}, a kill otherwise. A database that does
     * not answer cannot shut down cleanly; what it committed is safe in its write-ahead log either way.
     */
    public void stop(Duration patience) {
        synchronized (this) {
            closing = true;
        }
        watchdog.interrupt();
        postmaster.stop(patience);
    }

    /** Waits for the current postmaster to end, then starts a new one, until the database is closed. */
    private void watch() {
        while (!closing) {
            Postmaster current = postmaster;
            int exit;
            try {
                exit = current.awaitExit();
            } catch (InterruptedException e) {
                return;
            }
            if (closing) {
                return;
            }
            log.warn(
                    "The embedded PostgreSQL (process {}) stopped unexpectedly with exit code {}; starting it again",
                    current.pid(),
                    exit);
            restart();
        }
    }

    private void restart() {
        long started = System.nanoTime();
        Duration backoff = Duration.ofMillis(200);
        while (!closing) {
            try {
                Thread.sleep(backoff.toMillis());
                Postmaster next = Postmaster.start(binaries, directory, port);
                synchronized (this) {
                    if (closing) {
                        next.stop(Duration.ofSeconds(60));
                        return;
                    }
                    postmaster = next;
                }
                log.info(
                        "The embedded PostgreSQL is running again (process {}), {} ms after it stopped",
                        next.pid(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not start the embedded PostgreSQL again; retrying in {}: {}", backoff, e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
