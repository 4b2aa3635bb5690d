package org.allot.server.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Opens connections to one PostgreSQL with waits that end: connecting and signing in within the connect timeout,
 * and no read waiting longer than the socket timeout. It remembers what it opened so that every connection can be
 * broken at once when the database stops answering: a query waiting on a frozen database then fails at once instead
 * of when the socket timeout runs out. Settings in the JDBC URL win over these.
 */
public final class PgConnections implements DataSource {
    private final Driver driver = new Driver();
    private final String url;
    private final Properties properties;
    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();

    public PgConnections(
            String url, String username, String password, Duration connectTimeout, Duration socketTimeout) {
        this.url = url;
        this.properties = properties(username, password, connectTimeout, socketTimeout);
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("ApplicationName", "allot");
        properties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = connect(properties);
        opened.removeIf(PgConnections::closed);
        opened.add(connection);
        return connection;
    }

    /** A connection of its own, not among those {@link #breakAll()} breaks, with one timeout for everything. */
    public Connection separate(Duration timeout) throws SQLException {
        Properties own =
                properties(properties.getProperty("user"), properties.getProperty("password"), timeout, timeout);
        own.setProperty("ApplicationName", "allot probe");
        return connect(own);
    }

    /** Breaks every connection opened here: whoever waits on one gets an error at once. */
    public void breakAll() {
        for (Connection connection : opened) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // already broken
            }
        }
        opened.clear();
    }

    private Connection connect(Properties with) throws SQLException {
        Connection connection = driver.connect(url, with);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url, "08001");
        }
        return connection;
    }

    private static Properties properties(String username, String password, Duration connect, Duration socket) {
        Properties p = new Properties();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", seconds(connect));
        p.setProperty("loginTimeout", seconds(connect));
        p.setProperty("socketTimeout", socket.isZero() ? "0" : seconds(socket));
        return p;
    }

    private static String seconds(Duration d) {
        return Long.toString(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections use the configured account");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    /** The connect timeout is set once, at construction. */
    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(properties.getProperty("loginTimeout"));
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
