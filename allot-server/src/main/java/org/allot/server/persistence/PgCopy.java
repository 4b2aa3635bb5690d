package org.allot.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk inserts with PostgreSQL's COPY, in CSV, on the connection of the current transaction. A null value is
 * written as NULL; every other value is quoted. A single row goes in with a prepared {@code INSERT} instead, its
 * values typed by the columns as COPY types them: COPY costs more than one row is worth (an assignment or an audit
 * record of one request).
 *
 * <p>The rows are encoded in UTF-8 (the driver's client encoding) into byte buffers as they come and handed to the
 * driver as they are: a chunk of a fan-out writes a few thousand rows, and building a string first, then reading it
 * back through a {@code Reader} to encode it, cost the job thread more than the rest of the chunk's Java work. The
 * buffers are chunks of {@value #CHUNK} bytes, filled one after the other, never copied to grow (a page of a sync's
 * audit records takes megabytes, which one growing array copied several times and the collector handled as
 * humongous objects).
 */
final class PgCopy {
    /** The size of one buffer: less than half a G1 region, so never a humongous object. */
    static final int CHUNK = 1 << 16;

    private final DataSource dataSource;
    private final String table;
    private final String columnNames;
    private final int columns;
    private final int capacity;
    private String[] first;
    /** The chunks filled before {@link #buffer}, each with its length. */
    private final List<byte[]> full = new ArrayList<>();

    private final List<Integer> fullLengths = new ArrayList<>();
    /** The chunk being filled, and how much of it is. */
    private byte[] buffer;

    private int length;
    private int rows;

    PgCopy(DataSource dataSource, String table, String columns) {
        this(dataSource, table, columns, 0, 0);
    }

    /** A COPY whose first buffer holds {@code expectedRows} of about {@code bytesPerRow} (up to one chunk). */
    PgCopy(DataSource dataSource, String table, String columns, int expectedRows, int bytesPerRow) {
        this.dataSource = dataSource;
        this.table = table;
        this.columnNames = columns;
        this.capacity = (int) Math.min(CHUNK, Math.max(8L * 1024, (long) expectedRows * bytesPerRow));
        int commas = 0;
        for (int i = 0; i < columns.length(); i++) {
            if (columns.charAt(i) == ',') {
                commas++;
            }
        }
        this.columns = commas + 1;
    }

    PgCopy row(String... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        if (rows == 0) {
            // one row goes in as an INSERT: nothing is encoded (nor a buffer allocated) unless a second one comes
            first = values.clone();
            rows++;
            return this;
        }
        if (buffer == null) {
            buffer = new byte[capacity];
            encode(first);
        }
        encode(values);
        rows++;
        return this;
    }

    private void encode(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            String v = values[i];
            if (v != null) {
                quoted(v);
            }
        }
        put((byte) '\n');
    }

    /** A value in double quotes, its quotes doubled, in UTF-8. */
    private void quoted(String v) {
        int n = v.length();
        reserve(2 + 2 * n); // ASCII, each character possibly a doubled quote; more is reserved as it comes
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        for (int j = 0; j < n; j++) {
            char c = v.charAt(j);
            if (c < 0x80) {
                if (c == '"') {
                    b[at++] = '"';
                }
                b[at++] = (byte) c;
            } else {
                length = at;
                at = encode(v, j);
                b = buffer;
                if (Character.isHighSurrogate(c) && j + 1 < n && Character.isLowSurrogate(v.charAt(j + 1))) {
                    j++;
                }
            }
        }
        b[at++] = '"';
        length = at;
    }

    /**
     * Encodes the non-ASCII character (or surrogate pair) at {@code j} of {@code v} and reserves room again for the
     * rest of the value; returns where writing goes on.
     */
    private int encode(String v, int j) {
        char c = v.charAt(j);
        int code = c;
        if (Character.isHighSurrogate(c) && j + 1 < v.length() && Character.isLowSurrogate(v.charAt(j + 1))) {
            code = Character.toCodePoint(c, v.charAt(j + 1));
        } else if (Character.isSurrogate(c)) {
            code = '?'; // an unpaired surrogate, as String.getBytes(UTF_8) writes it
        }
        reserve(4 + 2 * (v.length() - j) + 1);
        byte[] b = buffer;
        int at = length;
        if (code < 0x80) {
            b[at++] = (byte) code;
        } else if (code < 0x800) {
            b[at++] = (byte) (0xC0 | (code >> 6));
            b[at++] = (byte) (0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            b[at++] = (byte) (0xE0 | (code >> 12));
            b[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
            b[at++] = (byte) (0x80 | (code & 0x3F));
        } else {
            b[at++] = (byte) (0xF0 | (code >> 18));
            b[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
            b[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
            b[at++] = (byte) (0x80 | (code & 0x3F));
        }
        return at;
    }

    private void put(byte b) {
        reserve(1);
        buffer[length++] = b;
    }

    /** Makes room for {@code more} bytes: in the chunk being filled, or in a new one (as large as needed). */
    private void reserve(int more) {
        if (length + more > buffer.length) {
            full.add(buffer);
            fullLengths.add(length);
            buffer = new byte[Math.max(CHUNK, more)];
            length = 0;
        }
    }

    /** Sends the rows; returns how many were written. */
    long send() {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return rows == 1 ? insert(connection) : copy(connection);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long copy(Connection connection) {
        CopyIn copy = null;
        try {
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (" + columnNames + ") from stdin with (format csv)");
            for (int i = 0; i < full.size(); i++) {
                copy.writeToCopy(full.get(i), 0, fullLengths.get(i));
            }
            copy.writeToCopy(buffer, 0, length);
            return copy.endCopy();
        } catch (SQLException e) {
            cancel(copy, e);
            throw new IllegalStateException("COPY of " + rows + " rows failed: " + e.getMessage(), e);
        }
    }

    private static void cancel(CopyIn copy, SQLException failure) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The one row, as an INSERT whose parameters are untyped text: the server types them by their columns. */
    private long insert(Connection connection) {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into " + table + " (" + columnNames + ") values (" + "?, ".repeat(columns - 1) + "?)")) {
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
