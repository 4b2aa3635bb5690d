package org.allot.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.bench.harness.Database;

/**
 * The baseline of a write request: plain JDBC doing the same rows as the server, one transaction per request, on
 * the server's own (durable) PostgreSQL, from as many clients as the server has, each on a connection of its own.
 * The rows go to tables made {@code like} the server's, indexes included, so the server's figures are left alone.
 */
final class PlainJdbcWrites implements AutoCloseable {
    /** The columns of an audit record, as {@code JdbcAuditLog} writes them. */
    static final String AUDIT_COLUMNS = "tenant_id, id, occurred_at, activity, activity_display, category,"
            + " actor_kind, actor_id, actor_name, target_type, target_id, target_name, targets, changes,"
            + " correlation_id, result";

    /** One request's statements, on a connection in a transaction that the caller commits. */
    interface Request {
        void run(Connection connection, int i) throws SQLException;
    }

    private final List<Connection> connections = new ArrayList<>();
    private final Database db;

    PlainJdbcWrites(Database db, int clients) {
        this.db = db;
        for (int c = 0; c < clients; c++) {
            Connection connection = db.newConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            connections.add(connection);
        }
    }

    /** What a baseline did: requests made, per second, and its backends' CPU (their connections still open). */
    record Rate(int requests, double perSecond, double databaseCpuSeconds) {}

    /** Runs requests 1..count, each in a transaction of its own, on all connections at once; requests per second. */
    double perSecond(int count, Request request) {
        return run(i -> i <= count, request).perSecond();
    }

    /**
     * Runs requests 1, 2, … for as long as {@code time}, each in a transaction of its own, on all connections at once:
     * a baseline measured over the same time as the load it is compared with, checkpoints and all.
     */
    Rate during(java.time.Duration time, Request request) {
        long deadline = System.nanoTime() + time.toNanos();
        return run(i -> System.nanoTime() < deadline, request);
    }

    private Rate run(java.util.function.IntPredicate more, Request request) {
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger done = new AtomicInteger();
        return Pools.on(connections.size(), pool -> {
            double databaseBefore = db.cpuSeconds();
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (Connection connection : connections) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); more.test(i); i = next.getAndIncrement()) {
                        try {
                            request.run(connection, i);
                            connection.commit();
                            done.incrementAndGet();
                        } catch (SQLException e) {
                            throw new IllegalStateException("baseline request " + i, e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Rate(done.get(), done.get() / seconds, db.cpuSeconds() - databaseBefore);
        });
    }

    /**
     * A statement that creates {@code bench_audit_event} like the server's stored audit records, indexes included:
     * {@code audit_record} since audit_event became a view over it (V46), else {@code audit_event} (an older server).
     */
    static String createAuditTable(Database db) {
        String stored = db.queryString("select coalesce(to_regclass('audit_record')::text, 'audit_event')");
        return "create table if not exists bench_audit_event (like " + stored + " including all)";
    }

    /**
     * The latest audit record of an activity in the tenant, as text, column by column ({@link #AUDIT_COLUMNS}): a
     * baseline writes its like, with a new id, time and target.
     */
    static String[] sampleAudit(Database db, UUID tenant, String activity) {
        String columns = String.join(
                " || chr(1) || ",
                List.of(AUDIT_COLUMNS.split(",\\s*")).stream()
                        .map(c -> "coalesce(" + c + "::text, chr(2))")
                        .toList());
        String row = db.queryString(
                "select " + columns + " from audit_event where tenant_id = ? and activity = ?"
                        + " order by occurred_at desc limit 1",
                tenant,
                activity);
        if (row == null) {
            throw new IllegalStateException("no " + activity + " audit record to copy");
        }
        String[] values = row.split("\u0001", -1);
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals("\u0002")) {
                values[i] = null;
            }
        }
        return values;
    }

    /** Inserts a copy of a sampled audit record with a new id, the current time and another target. */
    static void insertAudit(Connection connection, String table, String[] sample, String targetId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into " + table + " (" + AUDIT_COLUMNS
                + ") values (" + "?, ".repeat(sample.length - 1) + "?)")) {
            for (int i = 0; i < sample.length; i++) {
                String value =
                        switch (i) {
                            case 1 -> UUID.randomUUID().toString();
                            case 2 -> java.time.Instant.now().toString();
                            case 10 -> targetId;
                            default -> sample[i];
                        };
                if (value == null) {
                    s.setNull(i + 1, Types.OTHER);
                } else {
                    s.setObject(i + 1, value, Types.OTHER);
                }
            }
            s.executeUpdate();
        }
    }

    /** Locks a user's row as licensing does, reading it. */
    static void lockUser(Connection connection, UUID tenant, UUID user) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select * from directory_user where tenant_id = ? and id = ? for no key update")) {
            s.setObject(1, tenant);
            s.setObject(2, user);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no user " + user);
                }
            }
        }
    }

    @Override
    public void close() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
