package org.allot.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * Statements sent to PostgreSQL in one message and answered in one. PostgreSQL runs each once the one before it has
 * ended, and at READ COMMITTED each with a snapshot of its own, so a read placed after a lock sees what the lock's
 * previous holder committed ({@code LockedAssignmentsIT}). A statement that fails ends the message: the ones after it
 * do not run, and the failure is the caller's as if it had been sent alone. What a message saves is round trips: each
 * is a wake-up of the database's backend and then of the request's thread, and on a loaded machine each waits for a
 * processor.
 */
final class OneRoundTrip {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final List<RowCallbackHandler> readers = new ArrayList<>();

    /** A statement with positional parameters ({@code ?}), whose rows go to {@code rows}. */
    OneRoundTrip add(String statement, RowCallbackHandler rows, Object... values) {
        if (!sql.isEmpty()) {
            sql.append("; ");
        }
        sql.append(statement);
        Collections.addAll(params, values);
        readers.add(rows);
        return this;
    }

    /** A statement with named parameters ({@code :name}), whose rows go to {@code rows}. */
    OneRoundTrip add(String statement, Map<String, ?> values, RowCallbackHandler rows) {
        MapSqlParameterSource source = new MapSqlParameterSource(values);
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement);
        return add(
                NamedParameterUtils.substituteNamedParameters(parsed, source),
                rows,
                NamedParameterUtils.buildValueArray(parsed, source, null));
    }

    /** Adds {@code more}'s statements after these. */
    OneRoundTrip then(OneRoundTrip more) {
        if (!more.sql.isEmpty()) {
            if (!sql.isEmpty()) {
                sql.append("; ");
            }
            sql.append(more.sql);
            params.addAll(more.params);
            readers.addAll(more.readers);
        }
        return this;
    }

    /** Sends the statements on the transaction's connection and hands each one's rows to its reader, in order. */
    void send(JdbcTemplate template) {
        template.execute(sql.toString(), (PreparedStatement ps) -> {
            for (int i = 0; i < params.size(); i++) {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
            }
            ps.execute();
            for (int i = 0; i < readers.size(); i++) {
                if (i > 0) {
                    ps.getMoreResults();
                }
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        readers.get(i).processRow(rs);
                    }
                }
            }
            return null;
        });
    }
}
