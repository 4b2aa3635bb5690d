package org.allot.server.persistence;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupOnlyPolicies;
import org.allot.core.assignment.GroupOnlyPolicy;
import org.allot.core.catalog.SkuId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The group-only policy (table {@code group_only_policy}: a row per group-only product, the nil UUID for the whole
 * tenant), remembered per tenant while its stamp stays where it was: every direct assignment reads it.
 */
public final class JdbcGroupOnlyPolicies implements GroupOnlyPolicies {
    private static final UUID TENANT_WIDE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    public JdbcGroupOnlyPolicies(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public GroupOnlyPolicy of(TenantId tenant) {
        return stamps.read(tenant, TenantStamps.Kind.GROUP_ONLY, () -> read(tenant));
    }

    private GroupOnlyPolicy read(TenantId tenant) {
        Set<SkuId> products = new HashSet<>();
        boolean[] tenantWide = {false};
        jdbc.sql("select sku_id from group_only_policy where tenant_id = ?")
                .param(tenant.value())
                .query(rs -> {
                    UUID sku = SqlValues.uuid(rs, "sku_id");
                    if (TENANT_WIDE.equals(sku)) {
                        tenantWide[0] = true;
                    } else {
                        products.add(new SkuId(sku));
                    }
                });
        return new GroupOnlyPolicy(tenantWide[0], products);
    }

    @Override
    public void setTenantWide(TenantId tenant, boolean groupOnly) {
        set(tenant, TENANT_WIDE, groupOnly);
    }

    @Override
    public void setProduct(TenantId tenant, SkuId sku, boolean groupOnly) {
        set(tenant, sku.value(), groupOnly);
    }

    private void set(TenantId tenant, UUID sku, boolean groupOnly) {
        stamps.wrote(tenant);
        if (groupOnly) {
            jdbc.sql("insert into group_only_policy (tenant_id, sku_id) values (?, ?) on conflict do nothing")
                    .params(tenant.value(), sku)
                    .update();
        } else {
            jdbc.sql("delete from group_only_policy where tenant_id = ? and sku_id = ?")
                    .params(tenant.value(), sku)
                    .update();
        }
    }
}
