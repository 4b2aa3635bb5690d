package org.allot.server.persistence.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditQueries;
import org.allot.core.query.Page;
import org.allot.core.query.Query;
import org.allot.server.persistence.JdbcAuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AuditQueries} in SQL: reads the audit log a page at a time, newest first unless asked otherwise, with filters in SQL. */
public final class JdbcAuditQueries implements AuditQueries {
    private final JdbcClient jdbc;
    private final JdbcAuditLog log;

    public JdbcAuditQueries(JdbcClient jdbc, JdbcAuditLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Override
    public Page<AuditEvent> events(TenantId tenant, Query query) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        StringBuilder where = new StringBuilder("a.tenant_id = :tenant");
        if (query.filter() != null) {
            where.append(" and (")
                    .append(new SqlFilter(params, "a").condition(query.filter()))
                    .append(")");
        }
        Long count = null;
        if (query.count()) {
            count = bind(jdbc.sql("select count(*) from audit_event a where " + where), params)
                    .query(Long.class)
                    .single();
        }
        boolean ascending = query.order() != null && !query.order().descending();
        if (query.after() != null) {
            params.put("afterTime", OffsetDateTime.parse(query.after().value()));
            params.put("afterId", query.after().id());
            // the time alone as well: the members' part can then start its index scan there
            where.append(" and (a.occurred_at, a.id) ")
                    .append(ascending ? ">" : "<")
                    .append(" (:afterTime, :afterId) and a.occurred_at ")
                    .append(ascending ? ">=" : "<=")
                    .append(" :afterTime");
        }
        String direction = ascending ? " asc" : " desc";
        String order = " order by a.occurred_at" + direction + ", a.id" + direction + " limit :limit";
        params.put("limit", query.top() + 1);
        // each kind of stored row apart, in time order with its own limit, then merged (see V46)
        List<AuditEvent> rows = bind(
                        jdbc.sql("select a.* from ((select a.* from audit_record_own a where " + where + order
                                + ") union all (select a.* from audit_record_members a where " + where + order
                                + ")) a" + order),
                        params)
                .query(log::map)
                .list();
        Query.Cursor next = null;
        if (rows.size() > query.top()) {
            rows = rows.subList(0, query.top());
            AuditEvent last = rows.get(rows.size() - 1);
            next = new Query.Cursor(
                    last.time().atOffset(java.time.ZoneOffset.UTC).toString(), last.id());
        }
        return new Page<>(rows, count, next);
    }

    /**
     * A record by its id: a row of its own, found by its key, or a user's record among a row's members, found by the
     * time its id carries ({@link JdbcAuditLog#millisOf}) through the time index.
     */
    @Override
    public Optional<AuditEvent> event(TenantId tenant, UUID id) {
        Optional<AuditEvent> own = jdbc.sql("select a.* from audit_record_own a where a.tenant_id = ? and a.id = ?")
                .params(tenant.value(), id)
                .query(log::map)
                .optional();
        long millis = JdbcAuditLog.millisOf(id);
        if (own.isPresent() || millis < 0) {
            return own;
        }
        Instant from = Instant.ofEpochMilli(millis);
        return jdbc.sql("select a.* from audit_record_members a where a.tenant_id = ? and a.id = ?"
                        + " and a.occurred_at >= ? and a.occurred_at < ?")
                .params(
                        tenant.value(),
                        id,
                        from.atOffset(ZoneOffset.UTC),
                        from.plusMillis(1).atOffset(ZoneOffset.UTC))
                .query(log::map)
                .optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<String, Object> params) {
        JdbcClient.StatementSpec s = statement;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s = s.param(e.getKey(), e.getValue());
        }
        return s;
    }
}
