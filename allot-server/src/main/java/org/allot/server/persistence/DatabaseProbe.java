package org.allot.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database every second, over a connection of its own, whether it answers; the health endpoint reports what
 * it found without waiting for the database itself. Once the database has not answered for {@code giveUpAfter}, the
 * connections waiting on it are broken, so that requests caught in the middle of a query get their 503 instead of
 * waiting for the socket timeout.
 */
public final class DatabaseProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /**
     * What the last probe found.
     *
     * @param answering whether the database answered
     * @param since when it started answering, or when it last answered
     * @param problem why it does not answer; null while it does
     */
    public record State(boolean answering, Instant since, String problem) {}

    private final PgConnections connections;
    private final Duration interval;
    private final Duration timeout;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final Thread thread;
    private volatile State state;
    private volatile boolean running = true;
    private Connection connection;
    private boolean broken;
    private Instant lastAnswer;

    public DatabaseProbe(
            PgConnections connections, Duration interval, Duration timeout, Duration giveUpAfter, Clock clock) {
        this.connections = connections;
        this.interval = interval;
        this.timeout = timeout;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
        this.state = new State(true, clock.instant(), null);
        this.lastAnswer = state.since();
        this.thread = new Thread(this::run, "allot-database-probe");
        thread.setDaemon(true);
        thread.start();
    }

    public State state() {
        return state;
    }

    /** Asks the database now, over a connection of its own, whether it answers within the probe's timeout. */
    public boolean answersNow() {
        try (Connection c = connections.separate(timeout);
                Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void run() {
        try {
            while (running) {
                long next = System.nanoTime() + interval.toNanos();
                check();
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            closeConnection();
        }
    }

    private void check() {
        String problem = ask();
        State last = state;
        Instant now = clock.instant();
        if (problem == null) {
            lastAnswer = now;
            if (!last.answering()) {
                log.info(
                        "The database answers again, after {} s",
                        Duration.between(last.since(), now).toSeconds());
            }
            state = last.answering() ? last : new State(true, now, null);
            broken = false;
            return;
        }
        if (last.answering()) {
            log.warn("The database does not answer ({}); requests get 503 until it does", problem);
            state = new State(false, lastAnswer, problem);
        } else {
            state = new State(false, last.since(), problem);
        }
        if (!broken && Duration.between(state.since(), now).compareTo(giveUpAfter) >= 0) {
            log.warn(
                    "Breaking the connections waiting on the database, which has not answered for {} s",
                    giveUpAfter.toSeconds());
            connections.breakAll();
            broken = true;
        }
    }

    /** Null when the database answered; what went wrong otherwise. */
    private String ask() {
        try {
            if (connection == null) {
                connection = connections.separate(timeout);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("select 1");
            }
            return null;
        } catch (SQLException e) {
            closeConnection();
            return e.getMessage();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeout.plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
