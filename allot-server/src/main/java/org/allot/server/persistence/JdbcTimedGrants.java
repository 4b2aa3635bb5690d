package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.timebound.TimedGrant;
import org.allot.core.timebound.TimedGrants;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Time-bound grants in {@code timed_grant}, one per user and SKU or group. */
public final class JdbcTimedGrants implements TimedGrants {
    private static final String COLUMNS =
            "user_id, kind, target_id, disabled_plans, start_at, end_at, started, set_by, set_at, waits";

    /** When a grant is next due: its start until it has started, then its end. */
    private static final String DUE_AT = "(case when started then end_at else start_at end)";

    private final JdbcClient jdbc;

    public JdbcTimedGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TimedGrant> find(TenantId tenant, TimedGrant.Key key) {
        return jdbc.sql("select " + COLUMNS
                        + " from timed_grant where tenant_id = ? and user_id = ? and kind = ? and target_id = ?")
                .params(tenant.value(), key.user().value(), key.kind().name(), key.target())
                .query((rs, row) -> grant(rs))
                .optional();
    }

    @Override
    public void put(TenantId tenant, TimedGrant g) {
        jdbc.sql("""
                        insert into timed_grant (tenant_id, COLUMNS) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, user_id, kind, target_id) do update set
                            disabled_plans = excluded.disabled_plans, start_at = excluded.start_at,
                            end_at = excluded.end_at, started = excluded.started, set_by = excluded.set_by,
                            set_at = excluded.set_at, waits = excluded.waits""".replace("COLUMNS", COLUMNS))
                .params(
                        tenant.value(),
                        g.user().value(),
                        g.kind().name(),
                        g.target(),
                        SqlValues.uuidArray(g.disabledPlans(), ServicePlanId::value),
                        SqlValues.time(g.start()),
                        g.end() == null ? null : SqlValues.time(g.end()),
                        g.started(),
                        g.setBy(),
                        SqlValues.time(g.setAt()),
                        g.waits())
                .update();
    }

    @Override
    public boolean remove(TenantId tenant, TimedGrant.Key key) {
        return jdbc.sql("delete from timed_grant where tenant_id = ? and user_id = ? and kind = ? and target_id = ?")
                        .params(tenant.value(), key.user().value(), key.kind().name(), key.target())
                        .update()
                > 0;
    }

    @Override
    public List<TimedGrant> ofUser(TenantId tenant, UserId user) {
        return jdbc.sql("select " + COLUMNS + " from timed_grant where tenant_id = ? and user_id = ? order by " + DUE_AT
                        + " nulls last, kind, target_id")
                .params(tenant.value(), user.value())
                .query((rs, row) -> grant(rs))
                .list();
    }

    @Override
    public List<TimedGrant> ofGroup(TenantId tenant, GroupId group) {
        return jdbc.sql("select " + COLUMNS + " from timed_grant where tenant_id = ? and kind = 'MEMBERSHIP'"
                        + " and target_id = ? order by " + DUE_AT + " nulls last, user_id")
                .params(tenant.value(), group.value())
                .query((rs, row) -> grant(rs))
                .list();
    }

    @Override
    public List<TenantId> tenantsDueBy(Instant now) {
        return jdbc.sql("""
                        select tenant_id from timed_grant where not started and start_at <= :now
                        union
                        select tenant_id from timed_grant where started and end_at <= :now
                        order by tenant_id""")
                .param("now", SqlValues.time(now))
                .query((rs, row) -> new TenantId(SqlValues.uuid(rs, "tenant_id")))
                .list();
    }

    @Override
    public List<TimedGrant> dueBy(TenantId tenant, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from timed_grant where tenant_id = :tenant and ("
                        + "(not started and start_at <= :now) or (started and end_at <= :now))"
                        + " order by " + DUE_AT + ", user_id, kind, target_id limit :limit")
                .param("tenant", tenant.value())
                .param("now", SqlValues.time(now))
                .param("limit", limit)
                .query((rs, row) -> grant(rs))
                .list();
    }

    private static TimedGrant grant(ResultSet rs) throws SQLException {
        return new TimedGrant(
                TimedGrant.Kind.valueOf(rs.getString("kind")),
                new UserId(SqlValues.uuid(rs, "user_id")),
                SqlValues.uuid(rs, "target_id"),
                new HashSet<>(SqlValues.uuids(rs, "disabled_plans", ServicePlanId::new)),
                SqlValues.instant(rs, "start_at"),
                SqlValues.instant(rs, "end_at"),
                rs.getBoolean("started"),
                rs.getString("set_by"),
                SqlValues.instant(rs, "set_at"),
                rs.getBoolean("waits"));
    }
}
