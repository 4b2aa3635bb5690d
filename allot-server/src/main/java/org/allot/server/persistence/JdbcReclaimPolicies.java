package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ReclaimMode;
import org.allot.core.reclaim.ReclaimPolicies;
import org.allot.core.reclaim.ReclaimPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reclaim policies in {@code reclaim_policy}, one per tenant and product. */
public final class JdbcReclaimPolicies implements ReclaimPolicies {
    private static final String COLUMNS =
            "sku_id, inactive_days, disabled_days, recent_days, exempt_users, exempt_groups, mode";

    private final JdbcClient jdbc;

    public JdbcReclaimPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(TenantId tenant, ReclaimPolicy p) {
        jdbc.sql("""
                        insert into reclaim_policy (tenant_id, COLUMNS) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, sku_id) do update set inactive_days = excluded.inactive_days,
                            disabled_days = excluded.disabled_days, recent_days = excluded.recent_days,
                            exempt_users = excluded.exempt_users, exempt_groups = excluded.exempt_groups,
                            mode = excluded.mode""".replace("COLUMNS", COLUMNS))
                .params(
                        tenant.value(),
                        p.sku().value(),
                        p.inactiveDays(),
                        p.disabledDays(),
                        p.recentDays(),
                        SqlValues.uuidArray(p.exemptUsers(), UserId::value),
                        SqlValues.uuidArray(p.exemptGroups(), GroupId::value),
                        p.mode().name())
                .update();
    }

    @Override
    public Optional<ReclaimPolicy> find(TenantId tenant, SkuId sku) {
        return jdbc.sql("select " + COLUMNS + " from reclaim_policy where tenant_id = ? and sku_id = ?")
                .params(tenant.value(), sku.value())
                .query((rs, row) -> policy(rs))
                .optional();
    }

    @Override
    public List<ReclaimPolicy> all(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from reclaim_policy where tenant_id = ? order by sku_id")
                .param(tenant.value())
                .query((rs, row) -> policy(rs))
                .list();
    }

    @Override
    public boolean remove(TenantId tenant, SkuId sku) {
        return jdbc.sql("delete from reclaim_policy where tenant_id = ? and sku_id = ?")
                        .params(tenant.value(), sku.value())
                        .update()
                > 0;
    }

    @Override
    public List<TenantId> tenants() {
        return jdbc.sql("select distinct tenant_id from reclaim_policy order by tenant_id")
                .query((rs, row) -> new TenantId(SqlValues.uuid(rs, "tenant_id")))
                .list();
    }

    private static ReclaimPolicy policy(ResultSet rs) throws SQLException {
        return new ReclaimPolicy(
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                rs.getObject("inactive_days", Integer.class),
                rs.getObject("disabled_days", Integer.class),
                rs.getInt("recent_days"),
                new HashSet<>(SqlValues.uuids(rs, "exempt_users", UserId::new)),
                new HashSet<>(SqlValues.uuids(rs, "exempt_groups", GroupId::new)),
                ReclaimMode.valueOf(rs.getString("mode")));
    }
}
