package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log, appended with PostgreSQL's COPY so that a group of 100,000 costs one statement per chunk. */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "tenant_id, id, occurred_at, activity, activity_display, category,"
            + " actor_kind, actor_id, actor_name, target_type, target_id, target_name, targets, changes,"
            + " correlation_id, result";

    /**
     * {@code insert into audit_event (…) select ?, …}: one record whose values ({@link #parameters}) are selected
     * from what the statement's own {@code from …}, appended by the caller, yields (one record per row of it).
     */
    static final String INSERT_ONE = "insert into audit_event (" + COLUMNS + ") select " + "?, ".repeat(15) + "?";

    /** About what one record takes in COPY's CSV (a license change of a user with its JSON). */
    private static final int ROW_BYTES = 768;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcAuditLog(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    @Override
    public void appendAll(Collection<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        PgCopy copy = new PgCopy(dataSource, "audit_event", COLUMNS, events.size(), ROW_BYTES);
        // a fan-out gives thousands of users the same change: its JSON is written once per distinct list
        Map<List<PropertyChange>, String> changes = new HashMap<>();
        for (AuditEvent e : events) {
            copy.row(values(e, changes.computeIfAbsent(e.changes(), json::writeValueAsString)));
        }
        copy.send();
    }

    /** One record's parameters for {@link #INSERT_ONE}: text typed by the columns, as COPY types it. */
    List<SqlParameterValue> parameters(AuditEvent event) {
        return Arrays.stream(values(event, json.writeValueAsString(event.changes())))
                .map(v -> new SqlParameterValue(Types.OTHER, v))
                .toList();
    }

    /** A record's values for {@link #COLUMNS}, as text; {@code changes} is its changes as JSON. */
    private String[] values(AuditEvent e, String changes) {
        AuditTarget target = e.target();
        return new String[] {
            e.tenant().toString(),
            e.id().toString(),
            e.time().toString(),
            e.activity().name(),
            e.activity().displayName(),
            e.activity().category().displayName(),
            e.actor().kind().name(),
            e.actor().id(),
            e.actor().displayName(),
            target.type(),
            target.id(),
            target.displayName(),
            json.writeValueAsString(e.targets()),
            changes,
            e.correlationId(),
            e.result()
        };
    }

    /** The tenant's records, oldest first. */
    public List<AuditEvent> events(TenantId tenant) {
        return jdbc.sql("select * from audit_event where tenant_id = ? order by occurred_at, id")
                .param(tenant.value())
                .query(this::map)
                .list();
    }

    public AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                SqlValues.uuid(rs, "id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                SqlValues.instant(rs, "occurred_at"),
                Activity.valueOf(rs.getString("activity")),
                new Actor(
                        Actor.Kind.valueOf(rs.getString("actor_kind")),
                        rs.getString("actor_id"),
                        rs.getString("actor_name")),
                json.readValue(rs.getString("targets"), new TypeReference<List<AuditTarget>>() {}),
                json.readValue(rs.getString("changes"), new TypeReference<List<PropertyChange>>() {}),
                rs.getString("correlation_id"),
                rs.getString("result"));
    }
}
