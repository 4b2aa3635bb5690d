package org.allot.server.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.RemovalGraces;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The days each product holds a removed license (table {@code removal_grace}, remembered per tenant while its stamp
 * stays where it was), and the held assignments that are due ({@code license_assignment.pending_removal_at}).
 */
public final class JdbcRemovalGraces implements RemovalGraces {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    public JdbcRemovalGraces(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public Map<SkuId, Integer> days(TenantId tenant) {
        return stamps.read(tenant, TenantStamps.Kind.REMOVAL_GRACE, () -> Map.copyOf(read(tenant)));
    }

    private Map<SkuId, Integer> read(TenantId tenant) {
        Map<SkuId, Integer> days = new HashMap<>();
        jdbc.sql("select sku_id, days from removal_grace where tenant_id = ?")
                .param(tenant.value())
                .query(rs -> {
                    days.put(new SkuId(SqlValues.uuid(rs, "sku_id")), rs.getInt("days"));
                });
        return days;
    }

    @Override
    public void setDays(TenantId tenant, SkuId sku, int days) {
        stamps.wrote(tenant);
        if (days == 0) {
            jdbc.sql("delete from removal_grace where tenant_id = ? and sku_id = ?")
                    .params(tenant.value(), sku.value())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into removal_grace (tenant_id, sku_id, days) values (?, ?, ?)
                        on conflict (tenant_id, sku_id) do update set days = excluded.days""").params(tenant.value(), sku.value(), days).update();
    }

    @Override
    public List<Due> dueBy(Instant now, int limit) {
        return jdbc.sql("""
                        select a.tenant_id, a.user_id, a.sku_id
                        from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.pending_removal_at is not null and a.pending_removal_at <= ? and u.deleted_at is null
                        order by a.pending_removal_at, a.tenant_id, a.user_id, a.sku_id
                        limit ?""")
                .params(SqlValues.time(now), limit)
                .query((rs, i) -> new Due(
                        new TenantId(SqlValues.uuid(rs, "tenant_id")),
                        new UserId(SqlValues.uuid(rs, "user_id")),
                        new SkuId(SqlValues.uuid(rs, "sku_id"))))
                .list();
    }

    @Override
    public List<Held> pending(TenantId tenant, SkuId sku, int limit) {
        return jdbc.sql("""
                        select a.user_id, u.user_principal_name, a.source_group_id, a.pending_removal_at
                        from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.tenant_id = ? and a.sku_id = ? and a.pending_removal_at is not null
                        order by a.pending_removal_at, a.user_id
                        limit ?""")
                .params(tenant.value(), sku.value(), limit)
                .query((rs, i) -> new Held(
                        new UserId(SqlValues.uuid(rs, "user_id")),
                        rs.getString("user_principal_name"),
                        AssignmentSource.ofKey(SqlValues.uuid(rs, "source_group_id")),
                        SqlValues.instant(rs, "pending_removal_at")))
                .list();
    }
}
