package org.allot.core.testing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupOnlyPolicies;
import org.allot.core.assignment.GroupOnlyPolicy;
import org.allot.core.catalog.SkuId;

public final class InMemoryGroupOnlyPolicies implements GroupOnlyPolicies {
    private final Map<TenantId, GroupOnlyPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public GroupOnlyPolicy of(TenantId tenant) {
        return policies.getOrDefault(tenant, GroupOnlyPolicy.NONE);
    }

    @Override
    public synchronized void setTenantWide(TenantId tenant, boolean groupOnly) {
        policies.put(tenant, new GroupOnlyPolicy(groupOnly, of(tenant).products()));
    }

    @Override
    public synchronized void setProduct(TenantId tenant, SkuId sku, boolean groupOnly) {
        Set<SkuId> products = new HashSet<>(of(tenant).products());
        if (groupOnly) {
            products.add(sku);
        } else {
            products.remove(sku);
        }
        policies.put(tenant, new GroupOnlyPolicy(of(tenant).tenantWide(), products));
    }
}
