package org.allot.server.persistence;

import java.time.Duration;
import org.allot.core.jobs.ScheduledSteps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The turns of periodic steps in {@code scheduled_step} (V66): one row per step with when its last turn began and on
 * which node. A claim is one statement, on its own connection in autocommit: the row is inserted or moved forward
 * only if the last turn is old enough, by the database's clock (the nodes' clocks do not matter), and concurrent
 * claims queue on the row, so exactly one of them moves it.
 */
public final class JdbcScheduledSteps implements ScheduledSteps {
    private final JdbcClient jdbc;

    public JdbcScheduledSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String step, Duration due, String node) {
        return !jdbc.sql("""
                        insert into scheduled_step (name, ran_at, ran_by) values (:step, clock_timestamp(), :node)
                        on conflict (name) do update set ran_at = excluded.ran_at, ran_by = excluded.ran_by
                            where scheduled_step.ran_at <= clock_timestamp() - make_interval(secs => :due)
                        returning 1""")
                .param("step", step)
                .param("node", node)
                .param("due", due.toMillis() / 1000.0)
                .query(Integer.class)
                .list()
                .isEmpty();
    }
}
