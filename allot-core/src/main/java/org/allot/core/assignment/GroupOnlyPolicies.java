package org.allot.core.assignment;

import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/** Port: the tenant's group-only policy ({@link GroupOnlyPolicy}): for the whole tenant, and per product. */
public interface GroupOnlyPolicies {
    /** The tenant's policy as stored; {@link GroupOnlyPolicy#NONE} when nothing is set. */
    GroupOnlyPolicy of(TenantId tenant);

    /** Forbids (or allows again) direct assignment of every product of the tenant. */
    void setTenantWide(TenantId tenant, boolean groupOnly);

    /** Forbids (or allows again) direct assignment of one product. */
    void setProduct(TenantId tenant, SkuId sku, boolean groupOnly);
}
