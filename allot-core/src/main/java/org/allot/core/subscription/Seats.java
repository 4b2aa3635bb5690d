package org.allot.core.subscription;

import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * Port: the seat figures of each SKU. Whoever changes them locks them first, so that concurrent units of work
 * (threads or server processes) never hand out the same seat twice.
 */
public interface Seats {
    /** Locks the figures of a SKU until the unit of work ends and returns them; a SKU never seen has none. */
    SeatCount lock(TenantId tenant, SkuId sku);

    /** Writes figures locked in the same unit of work. */
    void save(TenantId tenant, SkuId sku, SeatCount count);

    /** Current figures of every SKU of the tenant, without locking. */
    Map<SkuId, SeatCount> all(TenantId tenant);
}
