package org.allot.server.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What tests count in the database: statements run (pg_stat_statements) and audit records per activity. */
public final class DatabaseCounts {
    private DatabaseCounts() {}

    /** Starts counting statements in the database of {@code jdbc} (which has pg_stat_statements loaded). */
    public static void resetStatements(JdbcClient jdbc) {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
    }

    /** Statements run in this database since the reset, and prints the most expensive ones. */
    public static long statements(JdbcClient jdbc) {
        jdbc.sql("""
                        select calls, round(total_exec_time) as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q
                        from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                        order by total_exec_time desc limit 8""").query(rs -> {
            System.out.printf("%6d calls %7d ms  %s%n", rs.getLong("calls"), rs.getLong("ms"), rs.getString("q"));
        });
        return jdbc.sql("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and query not like '%pg_stat_statements%'""").query(Long.class).single();
    }

    /**
     * The reads (statements that start with {@code select} or {@code with}, and write nothing) run in this database
     * since the reset, each with how many times it ran, most often first.
     */
    public static Map<String, Long> reads(JdbcClient jdbc) {
        Map<String, Long> reads = new LinkedHashMap<>();
        jdbc.sql("""
                        select calls, regexp_replace(query, '\\s+', ' ', 'g') as q from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and (query ilike 'select%' or query ilike 'with%')
                          and query !~* '\\m(insert\\s+into|delete\\s+from|set)\\M'
                          and query not like '%pg_stat_statements%'
                        order by calls desc""").query(rs -> {
            reads.put(rs.getString("q"), rs.getLong("calls"));
        });
        return reads;
    }

    /** The rows returned since the reset by the reads (as {@link #reads}) whose text contains {@code fragment}. */
    public static long rowsRead(JdbcClient jdbc, String fragment) {
        return jdbc.sql("""
                        select coalesce(sum(rows), 0) from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and (query ilike 'select%' or query ilike 'with%')
                          and query !~* '\\m(insert\\s+into|delete\\s+from|set)\\M'
                          and query not like '%pg_stat_statements%'
                          and position(? in query) > 0""").param(fragment).query(Long.class).single();
    }

    /**
     * The deadlocks PostgreSQL has detected in this database so far, once the backends have reported their statistics
     * (within a second): a race compares it before and after.
     */
    public static long deadlocks(JdbcClient jdbc) throws InterruptedException {
        Thread.sleep(1500);
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
                .query(Long.class)
                .single();
    }

    /** How many audit records the tenant has, per activity (the Activity enum's name). */
    public static Map<String, Long> auditActivities(JdbcClient jdbc, TenantId tenant) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select activity, count(*) as n from audit_event where tenant_id = ? group by activity")
                .param(tenant.value())
                .query(rs -> {
                    counts.put(rs.getString("activity"), rs.getLong("n"));
                });
        return counts;
    }
}
