package org.allot.core.subscription;

import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * Port: the seat figures of each SKU. Whoever changes them locks them first, so that concurrent units of work
 * (threads or server processes) never hand out the same seat twice.
 */
public interface Seats {
    /** Locks the figures of a SKU until the unit of work ends and returns them; a SKU never seen has none. */
    SeatCount lock(TenantId tenant, SkuId sku);

    /**
     * Locks the figures of a SKU and adds to its consumed and waiting seats in the same step; returns the figures as
     * they were when locked, before the addition. Empty, with nothing locked or changed, when the SKU has no figures
     * yet or the adapter does not fuse the two steps: then {@link #lock} and {@link #save}.
     */
    default Optional<SeatCount> lockAdding(TenantId tenant, SkuId sku, int consumed, int waiting) {
        return Optional.empty();
    }

    /**
     * Plans to take free seats for newcomers when the unit of work commits, in the same step as the commit, so that
     * each SKU's figures are locked only for the commit itself: {@code taken} seats per SKU, provided that then
     * nobody waits for the SKU and that many enabled seats are free ({@link SeatCount#freeForNewcomers} with nobody
     * waiting). When that no longer holds, the unit of work does not commit and is run again, as after any
     * {@link org.allot.core.ConcurrentChange}. False, with nothing planned, when the adapter cannot: then the seats
     * are taken with {@link #lockAdding}.
     */
    default boolean takeAtCommit(TenantId tenant, Map<SkuId, Integer> taken) {
        return false;
    }

    /** Writes figures locked in the same unit of work. */
    void save(TenantId tenant, SkuId sku, SeatCount count);

    /** Current figures of every SKU of the tenant, without locking. */
    Map<SkuId, SeatCount> all(TenantId tenant);
}
