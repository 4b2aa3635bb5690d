package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.SeatHolders;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.LifecycleSettings;
import org.allot.core.subscription.OverageClocks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What capacity below use reads and keeps: a product's seat holders in take-back order ({@link
 * SeatHolders#TAKE_BACK_ORDER}, ordered here in SQL by the same keys), its overage clock ({@code seat_overage}), and the
 * tenants' lifecycle periods ({@code tenant_lifecycle}).
 */
public final class JdbcCapacity implements SeatHolders, OverageClocks, LifecycleSettings {
    private static final String HOLDERS = """
            select a.user_id, u.user_principal_name, u.display_name,
                   bool_or(a.source_group_id = :direct) as direct,
                   coalesce(max(coalesce(g.license_priority, 0)) filter (where a.source_group_id <> :direct), 0)
                       as rank,
                   max(a.requested_at) as granted_at
            from license_assignment a
            join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id and u.deleted_at is null
            left join directory_group g on g.tenant_id = a.tenant_id and g.id = a.source_group_id
            where a.tenant_id = :tenant and a.sku_id = :sku
            group by a.user_id, u.user_principal_name, u.display_name
            having bool_or(a.state in """ + AssignmentSql.HOLDING + ")";

    /** {@link #HOLDERS}' order, built from the core's one definition ({@link SeatHolders#TAKE_BACK_KEYS}). */
    private static final String ORDER_BY = SeatHolders.TAKE_BACK_KEYS.stream()
            .map(k -> column(k) + (k.descending() ? " desc" : ""))
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    public JdbcCapacity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holder> inTakeBackOrder(TenantId tenant, SkuId sku, boolean groupsOnly, int limit) {
        return jdbc.sql(HOLDERS + (groupsOnly ? " and not bool_or(a.source_group_id = :direct)" : "") + " order by "
                        + ORDER_BY + " limit :limit")
                .param("direct", AssignmentSource.DIRECT_KEY)
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .param("limit", limit)
                .query((rs, i) -> new Holder(
                        new UserId(SqlValues.uuid(rs, "user_id")),
                        rs.getString("user_principal_name"),
                        rs.getString("display_name"),
                        rs.getBoolean("direct"),
                        rs.getInt("rank"),
                        SqlValues.instant(rs, "granted_at")))
                .list();
    }

    private static String column(SeatHolders.Key key) {
        return switch (key) {
            case DIRECT -> "direct";
            case RANK -> "rank";
            case GRANTED_AT -> "granted_at";
            case USER -> "a.user_id";
        };
    }

    @Override
    public Optional<Clock> find(TenantId tenant, SkuId sku) {
        return jdbc.sql("select * from seat_overage where tenant_id = ? and sku_id = ?")
                .params(tenant.value(), sku.value())
                .query(JdbcCapacity::clock)
                .optional();
    }

    @Override
    public void start(TenantId tenant, SkuId sku, Instant at) {
        jdbc.sql("insert into seat_overage (tenant_id, sku_id, since) values (?, ?, ?) on conflict do nothing")
                .params(tenant.value(), sku.value(), SqlValues.time(at))
                .update();
    }

    @Override
    public void deleted(TenantId tenant, SkuId sku, Instant at) {
        jdbc.sql("""
                        insert into seat_overage (tenant_id, sku_id, since, any_source) values (?, ?, ?, true)
                        on conflict (tenant_id, sku_id) do update set any_source = true""").params(tenant.value(), sku.value(), SqlValues.time(at)).update();
    }

    @Override
    public void stop(TenantId tenant, SkuId sku) {
        jdbc.sql("delete from seat_overage where tenant_id = ? and sku_id = ?")
                .params(tenant.value(), sku.value())
                .update();
    }

    @Override
    public List<Clock> running() {
        return jdbc.sql("select * from seat_overage order by since, tenant_id, sku_id")
                .query(JdbcCapacity::clock)
                .list();
    }

    private static Clock clock(ResultSet rs, int row) throws SQLException {
        return new Clock(
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                SqlValues.instant(rs, "since"),
                rs.getBoolean("any_source"));
    }

    @Override
    public Optional<LifecyclePeriods> find(TenantId tenant) {
        return jdbc.sql("select * from tenant_lifecycle where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new LifecyclePeriods(
                        rs.getInt("warning_days"), rs.getInt("suspended_days"), rs.getInt("overage_grace_days")))
                .optional();
    }

    @Override
    public void save(TenantId tenant, LifecyclePeriods p) {
        jdbc.sql("""
                        insert into tenant_lifecycle (tenant_id, warning_days, suspended_days, overage_grace_days)
                        values (?, ?, ?, ?)
                        on conflict (tenant_id) do update set warning_days = excluded.warning_days,
                            suspended_days = excluded.suspended_days,
                            overage_grace_days = excluded.overage_grace_days""")
                .params(tenant.value(), p.warningDays(), p.suspendedDays(), p.overageGraceDays())
                .update();
    }
}
