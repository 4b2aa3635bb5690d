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

/**
 * Reads of a range of a tenant's users, a large part of a table at once (within a transaction): planned for the
 * range's bounds, and transferred in PostgreSQL's binary format (uuids and times are decoded faster than from text).
 */
final class Ranges {
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
        // How many rows a range holds only its bounds tell: a plan made once for any bounds (PostgreSQL's generic
        // plan, used for a statement prepared again and again) takes every range for a small one and looks each row
        // up in the index, where a large range is read faster a page at a time (a bitmap scan). So this statement is
        // planned for its parameters (PlanCacheMode.CUSTOM), and the rest of the transaction as before.
        PlanCacheMode.CUSTOM.around(jdbc::execute, () -> {
            jdbc.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement(text.toString());
                        statement
                                .unwrap(PGStatement.class)
                                .setPrepareThreshold(-1); // binary results from the first use
                        for (int i = 0; i < parameters.size(); i++) {
                            statement.setObject(i + 1, parameters.get(i));
                        }
                        return statement;
                    },
                    rows);
            return null;
        });
    }
}
