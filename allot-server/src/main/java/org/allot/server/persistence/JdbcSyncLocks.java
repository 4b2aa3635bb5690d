package org.allot.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.sync.SyncLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run per tenant across every server sharing the database: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the run lasts. A server that dies loses its connection, and PostgreSQL
 * releases the lock with it.
 */
public final class JdbcSyncLocks implements SyncLocks {
    private static final Logger log = LoggerFactory.getLogger(JdbcSyncLocks.class);

    private final DataSource dataSource;

    public JdbcSyncLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Lock> tryLock(TenantId tenant) {
        String key = "allot-sync:" + tenant;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "select pg_try_advisory_lock(hashtextextended(?, 0))", key)) {
                Connection held = connection;
                return Optional.of(() -> release(held, key));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            discard(connection);
            throw new IllegalStateException("could not take the sync lock of tenant " + tenant, e);
        }
    }

    private static void release(Connection connection, String key) {
        try {
            call(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", key);
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not release the sync lock {}; dropping its connection", key, e);
            discard(connection);
        }
    }

    private static boolean call(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Closes the connection for good (not back to the pool), so that PostgreSQL releases whatever it holds. */
    private static void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // it is going away either way
        }
    }
}
