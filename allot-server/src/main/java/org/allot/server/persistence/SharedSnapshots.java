package org.allot.server.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One state of the database that transactions on several connections read alike (PostgreSQL's exported snapshots):
 * work split into parts read at once reads as one consistent read.
 */
public final class SharedSnapshots {
    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f-]+");

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public SharedSnapshots(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * The database as it is now, held by a read-only transaction on a connection of its own until closed: close it
     * once every transaction that {@link #join}s it has begun.
     */
    public Snapshot export() {
        try {
            Connection holder = dataSource.getConnection();
            try {
                holder.setAutoCommit(false);
                holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                holder.setReadOnly(true);
                try (Statement statement = holder.createStatement();
                        ResultSet rs = statement.executeQuery("select pg_export_snapshot()")) {
                    rs.next();
                    return new Snapshot(holder, rs.getString(1));
                }
            } catch (SQLException | RuntimeException e) {
                holder.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not export a snapshot", e);
        }
    }

    /**
     * Makes the current transaction read the snapshot. It must be a {@link UnitOfWork#snapshot snapshot} unit of work
     * that has read nothing yet.
     */
    public void join(Snapshot snapshot) {
        jdbc.sql("set transaction snapshot '" + snapshot.id + "'").update();
    }

    /** An exported snapshot, held until closed. */
    public static final class Snapshot implements AutoCloseable {
        private final Connection holder;
        private final String id;

        private Snapshot(Connection holder, String id) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("unexpected snapshot id " + id);
            }
            this.holder = holder;
            this.id = id;
        }

        @Override
        public void close() {
            try (holder) {
                holder.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release a snapshot", e);
            }
        }
    }
}
