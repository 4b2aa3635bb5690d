package org.allot.core.reclaim;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/** The tenants' reclaim policies, one per product at most. */
public interface ReclaimPolicies {
    void save(TenantId tenant, ReclaimPolicy policy);

    Optional<ReclaimPolicy> find(TenantId tenant, SkuId sku);

    List<ReclaimPolicy> all(TenantId tenant);

    boolean remove(TenantId tenant, SkuId sku);

    /** The tenants that have at least one policy. */
    List<TenantId> tenants();
}
