package org.allot.server.persistence;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.directory.UserRange;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads of a range of a tenant's users, a large part of a table at once: planned for the range's bounds, and
 * transferred in PostgreSQL's binary format (uuids and times are decoded faster than from text).
 */
final class Ranges {
    /** Marks a transaction whose statements are planned for their parameters. */
    private static final Object PLANNED_FOR_THE_BOUNDS = new Object();

    private final JdbcTemplate jdbc;

    Ranges(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Runs {@code sql} (whose {@code where} has a {@code tenant_id = ?} condition and no other yet) narrowed to the
     * users of the range by {@code column}, followed by {@code tail} (with {@code tailParameters}), row by row.
     */
    void query(
            String sql,
            UUID tenant,
            String column,
            UserRange range,
            String tail,
            List<Object> tailParameters,
            RowCallbackHandler rows) {
        StringBuilder text = new StringBuilder(sql);
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        if (range.after() != null) {
            text.append(" and ").append(column).append(" > ?");
            parameters.add(range.after().value());
        }
        if (range.last() != null) {
            text.append(" and ").append(column).append(" <= ?");
            parameters.add(range.last().value());
        }
        text.append(tail);
        parameters.addAll(tailParameters);
        planForTheBounds();
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(text.toString());
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1); // binary results from the first use
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    return statement;
                },
                rows);
    }

    /**
     * Makes the rest of the transaction plan each statement for its parameters, once per transaction. How many rows a
     * range holds only its bounds tell: a plan made once for any bounds (PostgreSQL's generic plan, used for a
     * statement prepared again and again) takes every range for a small one and looks each row up in the index, where
     * a large range is read faster a page at a time (a bitmap scan).
     */
    private void planForTheBounds() {
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && TransactionSynchronizationManager.hasResource(PLANNED_FOR_THE_BOUNDS)) {
            return;
        }
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
        if (inTransaction) {
            TransactionSynchronizationManager.bindResource(PLANNED_FOR_THE_BOUNDS, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PLANNED_FOR_THE_BOUNDS);
                }
            });
        }
    }
}
