package org.allot.core.catalog;

import org.allot.core.TenantId;

/** Tells whether a tenant still uses a product (has subscriptions for it), so it cannot be removed. */
@FunctionalInterface
public interface ProductUsage {
    boolean inUse(TenantId tenant, SkuId sku);
}
