package org.allot.bench.harness;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/** The harness's own connection to the server's database: bulk loading, checks and baselines. */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final String url;
    private final String username;
    private final String password;

    public Database(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password == null ? "" : password;
        try {
            connection = DriverManager.getConnection(url, username, password == null ? "" : password);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + url, e);
        }
    }

    /**
     * CPU time the database server has used so far (user and system, the postmaster and every process it runs), in
     * seconds; NaN where the OS does not tell or the database runs on another machine. On Linux, processes that ended
     * since (connections closed, autovacuum workers done) stay counted, through the postmaster's reaped children's
     * time; elsewhere only live processes are, so compare figures taken while the same connections stay open.
     */
    public double cpuSeconds() {
        java.util.Optional<ProcessHandle> postmaster =
                ProcessHandle.of(queryLong("select pg_backend_pid()")).flatMap(ProcessHandle::parent);
        if (postmaster.isEmpty()) {
            return Double.NaN;
        }
        try {
            // utime, stime, cutime and cstime: the postmaster's own and its ended children's, then each live child's;
            // read again until no child ended between the readings (else an ending one is counted twice or not at
            // all: a run's connections close just before the next run's first reading)
            for (int attempt = 0; ; attempt++) {
                long reaped = ticks(postmaster.get().pid(), 4);
                long live = 0;
                boolean ended = false;
                for (ProcessHandle child : postmaster.get().children().toList()) {
                    try {
                        live += ticks(child.pid(), 2);
                    } catch (java.io.IOException gone) {
                        ended = true;
                    }
                }
                if ((!ended && ticks(postmaster.get().pid(), 4) == reaped) || attempt == 20) {
                    return (reaped + live) / (double) ServerProcess.CLOCK_TICKS;
                }
            }
        } catch (java.io.IOException | RuntimeException noProc) {
            return java.util.stream.Stream.concat(
                            postmaster.stream(), postmaster.get().descendants())
                    .mapToDouble(p -> p.info()
                            .totalCpuDuration()
                            .map(d -> d.toNanos() / 1e9)
                            .orElse(0.0))
                    .sum();
        }
    }

    /** The sum of the first {@code count} of fields 14–17 (utime, stime, cutime, cstime) of a process's stat. */
    private static long ticks(long pid, int count) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Long.parseLong(fields[11 + i]);
        }
        return sum;
    }

    /** Starts counting statements anew (pg_stat_statements, loaded by the harness's PostgreSQL). */
    public void resetStatements() {
        update("create extension if not exists pg_stat_statements");
        queryString("select pg_stat_statements_reset()::text");
    }

    /**
     * The statements of this database that took the most execution time since {@link #resetStatements()}, each as
     * calls, microseconds, bytes of WAL and pages read or hit per {@code per} (a request, say), nested statements
     * (triggers, functions) included.
     */
    public List<String> topStatements(int top, long per) {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = prepare("""
                        select calls, total_exec_time, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 100),
                               wal_bytes, shared_blks_hit + shared_blks_read
                        from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and query not like '%pg_stat_statements%'
                        order by total_exec_time desc limit ?""", top);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lines.add(String.format(
                        java.util.Locale.ROOT,
                        "%5.2f calls %6.1f µs %6.0f B WAL %5.1f pages %s %s",
                        rs.getLong(1) / (double) per,
                        rs.getDouble(2) * 1000 / per,
                        rs.getDouble(5) / per,
                        rs.getLong(6) / (double) per,
                        rs.getBoolean(3) ? " " : "↳",
                        rs.getString(4)));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements", e);
        }
    }

    /** Another connection to the same database, of the caller's to close: for baselines with several clients. */
    public Connection newConnection() {
        try {
            return DriverManager.getConnection(url, username, password);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + url, e);
        }
    }

    public int update(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long queryLong(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public String queryString(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public List<UUID> queryIds(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params);
                ResultSet rs = s.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Reads every column of every row of a query, as a program reading the rows would; returns the rows read. */
    public long readAll(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params);
                ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            long rows = 0;
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** PostgreSQL's {@code COPY … FROM STDIN} of CSV text; returns the rows copied. */
    public long copy(String copySql, String csv) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(csv));
        } catch (Exception e) {
            throw new IllegalStateException(copySql, e);
        }
    }

    /** PostgreSQL's {@code COPY … TO STDOUT}: the text it writes. */
    public String copyOut(String copySql) {
        try {
            StringWriter out = new StringWriter();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(copySql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
