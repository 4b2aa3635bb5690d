package org.allot.server.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk inserts with PostgreSQL's COPY, in CSV, on the connection of the current transaction. A null value is
 * written as NULL; every other value is quoted. A single row goes in with a prepared {@code INSERT} instead, its
 * values typed by the columns as COPY types them: COPY costs more than one row is worth (an assignment or an audit
 * record of one request).
 */
final class PgCopy {
    private final DataSource dataSource;
    private final String statement;
    private final String insert;
    private final int columns;
    private String[] first;
    private final StringBuilder csv;
    private int rows;

    PgCopy(DataSource dataSource, String table, String columns) {
        this(dataSource, table, columns, 0, 0);
    }

    /**
     * A COPY whose buffer is sized once for {@code expectedRows} of about {@code bytesPerRow}: a chunk of a fan-out
     * writes a few thousand rows, and growing the buffer on the way copies it again and again.
     */
    PgCopy(DataSource dataSource, String table, String columns, int expectedRows, int bytesPerRow) {
        this.dataSource = dataSource;
        this.statement = "copy " + table + " (" + columns + ") from stdin with (format csv)";
        this.csv = new StringBuilder(
                (int) Math.min(Integer.MAX_VALUE - 16, Math.max(64L * 1024, (long) expectedRows * bytesPerRow)));
        this.columns = columns.split(",").length;
        this.insert = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(this.columns - 1) + "?)";
    }

    PgCopy row(String... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        if (rows == 0) {
            first = values.clone();
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String v = values[i];
            if (v != null) {
                csv.append('"');
                for (int j = 0; j < v.length(); j++) {
                    char c = v.charAt(j);
                    if (c == '"') {
                        csv.append('"');
                    }
                    csv.append(c);
                }
                csv.append('"');
            }
        }
        csv.append('\n');
        rows++;
        return this;
    }

    /** Sends the rows; returns how many were written. */
    long send() {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        if (rows == 1) {
            try {
                return insert(connection);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        try {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(statement, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + rows + " rows failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The one row, as an INSERT whose parameters are untyped text: the server types them by their columns. */
    private long insert(Connection connection) {
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            for (int i = 0; i < first.length; i++) {
                if (first[i] == null) {
                    s.setNull(i + 1, Types.OTHER);
                } else {
                    s.setObject(i + 1, first[i], Types.OTHER);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("INSERT of one row failed: " + e.getMessage(), e);
        }
    }
}
