package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The audit log, appended with PostgreSQL's COPY so that a group of 100,000 costs one statement per chunk. A record
 * whose only target is the one its {@code target_*} columns hold (a user's license change, most records) stores no
 * {@code targets} JSON: it is read back from those columns ({@link #TARGETS}). A fan-out writes one such record per
 * user, so the JSON written, parsed and stored per record is its list of changes alone, and that is serialized once
 * per distinct list.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = AuditColumns.COLUMNS;

    /** One stored row for many users' records ({@link #appendAll}): the record's values, then its members. */
    private static final String MEMBERS_ROW = "(" + "?, ".repeat(19) + "cast(? as json[]))";

    /** Parameters of one row of members: the record's 16 values, then its members' ids, users, names and changes. */
    private static final int MEMBER_ROW_PARAMETERS = 20;

    /** At most this many rows of members per statement. */
    private static final int MEMBER_ROWS_PER_STATEMENT = 1_000;

    /** How many users' records that differ in their target alone are stored as one row of members, at least. */
    static final int MEMBERS_AT_LEAST = 2;

    /** About what one record takes in COPY's CSV (a license change of a user with its JSON). */
    private static final int ROW_BYTES = 640;

    /**
     * A record's targets as JSON in SQL, for a record of alias {@code a}: its {@code targets}, or, when that is null,
     * its one target from the {@code target_*} columns, shaped as {@link AuditTarget} is written.
     */
    public static final String TARGETS = "coalesce(a.targets, json_build_array(json_build_object('type',"
            + " a.target_type, 'id', a.target_id, 'displayName', a.target_name)))";

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

    /**
     * Appends the records: those of users that differ only in their user (a fan-out's chunk gives thousands the same
     * change at the same moment; a sync adds a group's new members at the same moment, each record naming the user
     * then the group they share) as one row listing them ({@link #MEMBERS_AT_LEAST} or more); the rest of those that
     * differ in their user and their changes (a sync's page of new users, each with its own values) as one row listing
     * each member's changes too; every other with COPY. The {@code audit_event} view shows each member as the record
     * it was appended as, id, targets and changes included (V54, V69).
     */
    @Override
    public void appendAll(Collection<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<MemberKey, Map<List<PropertyChange>, List<AuditEvent>>> shared = new LinkedHashMap<>();
        List<AuditEvent> alone = new ArrayList<>();
        for (AuditEvent e : events) {
            MemberKey key = MemberKey.of(e);
            if (key == null) {
                alone.add(e);
            } else {
                shared.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.changes(), c -> new ArrayList<>())
                        .add(e);
            }
        }
        Map<List<PropertyChange>, String> changes = new HashMap<>();
        List<Object> rows = new ArrayList<>();
        for (Map.Entry<MemberKey, Map<List<PropertyChange>, List<AuditEvent>>> members : shared.entrySet()) {
            List<AuditEvent> ownChanges = new ArrayList<>();
            for (Map.Entry<List<PropertyChange>, List<AuditEvent>> same :
                    members.getValue().entrySet()) {
                if (same.getValue().size() < MEMBERS_AT_LEAST) {
                    ownChanges.addAll(same.getValue());
                } else {
                    rows = appendFull(rows);
                    rows.addAll(membersRow(
                            same.getValue(),
                            changes.computeIfAbsent(same.getKey(), json::writeValueAsString),
                            members.getKey().shared(),
                            false));
                }
            }
            if (ownChanges.size() < MEMBERS_AT_LEAST) {
                alone.addAll(ownChanges);
            } else {
                rows = appendFull(rows);
                rows.addAll(membersRow(ownChanges, "[]", members.getKey().shared(), true));
            }
        }
        appendMembers(rows);
        if (alone.isEmpty()) {
            return;
        }
        PgCopy copy = new PgCopy(dataSource, "audit_record", COLUMNS, alone.size(), ROW_BYTES);
        // a fan-out gives thousands of users the same change at the same time: each is written once per distinct value
        Instant lastTime = null;
        String time = null;
        for (AuditEvent e : alone) {
            if (!e.time().equals(lastTime)) {
                lastTime = e.time();
                time = lastTime.toString();
            }
            copy.row(values(e, time, changes.computeIfAbsent(e.changes(), json::writeValueAsString)));
        }
        copy.send();
    }

    /** The rows of members so far, appended when they fill a statement (then none). */
    private List<Object> appendFull(List<Object> rows) {
        if (rows.size() < MEMBER_ROWS_PER_STATEMENT * MEMBER_ROW_PARAMETERS) {
            return rows;
        }
        appendMembers(rows);
        return new ArrayList<>();
    }

    /** Rows of members ({@link #membersRow}), {@link #MEMBER_ROW_PARAMETERS} parameters each, with one statement. */
    private void appendMembers(List<Object> params) {
        if (params.isEmpty()) {
            return;
        }
        int rows = params.size() / MEMBER_ROW_PARAMETERS;
        jdbc.sql("insert into audit_record (" + COLUMNS + ", member_ids, members, member_names, member_changes) values "
                        + String.join(", ", java.util.Collections.nCopies(rows, MEMBERS_ROW)))
                .params(params)
                .update();
    }

    /**
     * Users' records that differ in their user alone (or, with {@code ownChanges}, in their user and their changes),
     * as one row's parameters: the first's values with {@code changes} and the targets the members share
     * ({@code shared}, stored only when there are any), then every member's id, user, name and (with
     * {@code ownChanges}) changes.
     */
    private List<Object> membersRow(
            List<AuditEvent> members, String changes, List<AuditTarget> shared, boolean ownChanges) {
        AuditEvent first = members.get(0);
        List<Object> params = new ArrayList<>(MEMBER_ROW_PARAMETERS);
        String[] values = values(first, first.time().toString(), changes);
        values[12] = shared.isEmpty() ? null : json.writeValueAsString(shared);
        for (String v : values) {
            params.add(new SqlParameterValue(Types.OTHER, v));
        }
        int n = members.size();
        UUID[] ids = new UUID[n];
        UUID[] users = new UUID[n];
        String[] names = new String[n];
        String[] memberChanges = ownChanges ? new String[n] : null;
        for (int i = 0; i < n; i++) {
            AuditEvent e = members.get(i);
            ids[i] = e.id();
            users[i] = UUID.fromString(e.target().id());
            names[i] = e.target().displayName();
            if (ownChanges) {
                memberChanges[i] = json.writeValueAsString(e.changes());
            }
        }
        params.add(ids);
        params.add(users);
        params.add(names);
        params.add(ownChanges ? memberChanges : new SqlParameterValue(Types.ARRAY, null));
        return params;
    }

    /**
     * What users' records share when they may be stored as one row: all but their id, their first target (a user
     * whose id is a UUID as PostgreSQL writes it) and their changes; the targets after it ({@code shared}: the group a
     * user joined, say) are shared too. Null for any other record.
     */
    private record MemberKey(
            TenantId tenant,
            Instant time,
            Activity activity,
            Actor actor,
            List<AuditTarget> shared,
            String correlationId,
            String result) {
        static MemberKey of(AuditEvent e) {
            if (e.targets().isEmpty()
                    || !"User".equals(e.target().type())
                    || !isUuid(e.target().id())
                    || !timeOrdered(e)) {
                return null;
            }
            return new MemberKey(
                    e.tenant(),
                    e.time(),
                    e.activity(),
                    e.actor(),
                    e.targets().subList(1, e.targets().size()),
                    e.correlationId(),
                    e.result());
        }

        /** Whether the record's id carries its time, as {@link #millisOf} reads it (so that it is found by id). */
        private static boolean timeOrdered(AuditEvent e) {
            return millisOf(e.id()) == e.time().toEpochMilli();
        }

        private static boolean isUuid(String id) {
            try {
                return UUID.fromString(id).toString().equals(id);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /**
     * The time, in milliseconds since the epoch, a record's time-ordered id (version 7) carries; -1 for another id.
     * A user's record stored among a row's members is looked up by that time, as only its row is indexed.
     */
    public static long millisOf(UUID id) {
        return id.version() == 7 ? id.getMostSignificantBits() >>> 16 : -1;
    }

    /** One record's parameters for {@link AuditColumns#INSERT_ONE}. */
    List<SqlParameterValue> parameters(AuditEvent event) {
        return AuditColumns.parameters(json, event);
    }

    /** The named parameters of {@link AuditColumns#INSERT_UNNESTED}: the records, each about the user at its index. */
    Map<String, Object> arrays(List<AuditEvent> events, List<UUID> forUsers) {
        return AuditColumns.arrays(json, events, forUsers);
    }

    private String[] values(AuditEvent e, String time, String changes) {
        return AuditColumns.values(json, e, time, changes);
    }

    /** The tenant's records, oldest first. */
    public List<AuditEvent> events(TenantId tenant) {
        return jdbc.sql("select * from audit_event where tenant_id = ? order by occurred_at, id")
                .param(tenant.value())
                .query(this::map)
                .list();
    }

    private List<AuditTarget> targets(ResultSet rs) throws SQLException {
        String targets = rs.getString("targets");
        if (targets == null) {
            return List.of(new AuditTarget(
                    rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name")));
        }
        return json.readValue(targets, new TypeReference<List<AuditTarget>>() {});
    }

    public AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                SqlValues.uuid(rs, "id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                SqlValues.instant(rs, "occurred_at"),
                Activity.valueOf(rs.getString("activity")),
                SqlValues.actor(rs, "actor"),
                targets(rs),
                json.readValue(rs.getString("changes"), new TypeReference<List<PropertyChange>>() {}),
                rs.getString("correlation_id"),
                rs.getString("result"));
    }
}
