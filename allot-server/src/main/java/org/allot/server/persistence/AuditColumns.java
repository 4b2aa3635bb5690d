package org.allot.server.persistence;

import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.springframework.jdbc.core.SqlParameterValue;
import tools.jackson.databind.json.JsonMapper;

/** An audit record as a stored row of {@code audit_record}: its columns, and its values as text, as COPY types them. */
final class AuditColumns {
    static final String COLUMNS = "tenant_id, id, occurred_at, activity, activity_display, category,"
            + " actor_kind, actor_id, actor_name, target_type, target_id, target_name, targets, changes,"
            + " correlation_id, result";

    private static final String[] NAMES = COLUMNS.split(", ");

    /**
     * {@code insert into audit_event (…) select ?, …}: one record whose values ({@link #parameters}) are selected
     * from what the statement's own {@code from …}, appended by the caller, yields (one record per row of it).
     */
    static final String INSERT_ONE = "insert into audit_record (" + COLUMNS + ") select " + "?, ".repeat(15) + "?";

    /**
     * {@code insert into audit_record (…) select … from unnest(…) as a(…, for_user)}: the records of {@link #arrays},
     * one per index, each with the user it is about as {@code a.for_user}, for the caller to append a condition on
     * (a {@code join} with the users a statement added, say).
     */
    static final String INSERT_UNNESTED = "insert into audit_record (" + COLUMNS + ") select "
            + Arrays.stream(NAMES)
                    .map(c -> switch (c) {
                        case "tenant_id", "id" -> "a." + c + "::uuid";
                        case "occurred_at" -> "a." + c + "::timestamptz";
                        case "targets", "changes" -> "a." + c + "::json";
                        default -> "a." + c;
                    })
                    .collect(Collectors.joining(", "))
            + " from unnest("
            + IntStream.range(0, NAMES.length)
                    .mapToObj(i -> "cast(:a" + i + " as text[])")
                    .collect(Collectors.joining(", "))
            + ", cast(:for_user as uuid[])) as a(" + COLUMNS + ", for_user)";

    private AuditColumns() {}

    /** One record's parameters for {@link #INSERT_ONE}: text typed by the columns. */
    static List<SqlParameterValue> parameters(JsonMapper json, AuditEvent event) {
        return Arrays.stream(values(json, event, event.time().toString(), json.writeValueAsString(event.changes())))
                .map(v -> new SqlParameterValue(Types.OTHER, v))
                .toList();
    }

    /** The named parameters of {@link #INSERT_UNNESTED}: a text array per column, and the users the records are about. */
    static Map<String, Object> arrays(JsonMapper json, List<AuditEvent> events, List<UUID> forUsers) {
        if (events.size() != forUsers.size()) {
            throw new IllegalArgumentException("one user for each record");
        }
        String[][] columns = new String[NAMES.length][events.size()];
        for (int r = 0; r < events.size(); r++) {
            AuditEvent e = events.get(r);
            String[] row = values(json, e, e.time().toString(), json.writeValueAsString(e.changes()));
            for (int c = 0; c < row.length; c++) {
                columns[c][r] = row[c];
            }
        }
        Map<String, Object> params = new HashMap<>();
        for (int c = 0; c < NAMES.length; c++) {
            params.put("a" + c, columns[c]);
        }
        params.put("for_user", forUsers.toArray(UUID[]::new));
        return params;
    }

    /**
     * A record's values for {@link #COLUMNS}, as text; {@code time} is its time and {@code changes} its changes as
     * JSON. A record whose only target is the one in the {@code target_*} columns stores no targets JSON.
     */
    static String[] values(JsonMapper json, AuditEvent e, String time, String changes) {
        AuditTarget target = e.target();
        return new String[] {
            e.tenant().toString(),
            e.id().toString(),
            time,
            e.activity().name(),
            e.activity().displayName(),
            e.activity().category().displayName(),
            e.actor().kind().name(),
            e.actor().id(),
            e.actor().displayName(),
            target.type(),
            target.id(),
            target.displayName(),
            e.targets().size() == 1 ? null : json.writeValueAsString(e.targets()),
            changes,
            e.correlationId(),
            e.result()
        };
    }
}
