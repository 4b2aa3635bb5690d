package org.allot.server.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests that hold a lock in one unit of work and check what another does meanwhile. */
public final class LockWaits {
    private LockWaits() {}

    /** Keeps the calling unit of work open, and its locks held, until {@code release} is counted down. */
    public static void hold(CountDownLatch release) {
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until some session of the database waits for a lock. */
    public static void awaitSomeoneWaiting(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                                .query(Integer.class)
                                .single()
                        > 0);
    }
}
