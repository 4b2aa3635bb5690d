package org.allot.bench.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the database's backends are doing while a load runs, sampled from {@code pg_stat_activity} every few
 * milliseconds on a connection of its own: how many are active on average, and on what they wait (a lock, a
 * lightweight lock, the WAL's flush, …; "CPU" when they wait on nothing). Where the waits pile up is where the
 * database limits the load.
 */
public final class WaitSampler implements AutoCloseable {
    private static final String SAMPLE = """
            select coalesce(wait_event_type || ':' || wait_event, 'CPU') as what, count(*) as n
              from pg_stat_activity
             where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
               and backend_type = 'client backend'
             group by 1""";

    private final Connection connection;
    private final Thread thread;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final AtomicLong samples = new AtomicLong();

    public WaitSampler(Database db) {
        this.connection = db.newConnection();
        this.thread = new Thread(this::sample, "wait-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try (Statement s = connection.createStatement()) {
            while (running) {
                try (ResultSet rs = s.executeQuery(SAMPLE)) {
                    while (rs.next()) {
                        counts.merge(rs.getString("what"), rs.getLong("n"), Long::sum);
                    }
                }
                samples.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling; the figures stay readable. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Backends active on average. */
    public double active() {
        return samples.get() == 0
                ? 0
                : counts.values().stream().mapToLong(Long::longValue).sum() / (double) samples.get();
    }

    /** Backends waiting on a heavyweight lock (a row's, a tuple's, a transaction's) on average. */
    public double onLocks() {
        return samples.get() == 0
                ? 0
                : counts.entrySet().stream()
                                .filter(e -> e.getKey().startsWith("Lock:"))
                                .mapToLong(Map.Entry::getValue)
                                .sum()
                        / (double) samples.get();
    }

    /** The most frequent states, as "what average" pairs, most frequent first. */
    public String top(int n) {
        long taken = Math.max(1, samples.get());
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) taken))
                .collect(Collectors.joining(", "));
    }
}
