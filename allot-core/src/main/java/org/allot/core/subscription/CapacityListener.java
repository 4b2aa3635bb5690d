package org.allot.core.subscription;

import org.allot.core.Caller;
import org.allot.core.catalog.SkuId;

/** Told, within the same unit of work, that the seats of a SKU changed; licensing fills its waiting list. */
@FunctionalInterface
public interface CapacityListener {
    CapacityListener NONE = (caller, sku) -> {};

    void capacityChanged(Caller caller, SkuId sku);
}
