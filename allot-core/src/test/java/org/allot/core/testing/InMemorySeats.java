package org.allot.core.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Seat figures in memory; tests run one unit of work at a time, so locking is not needed, but the rows asked to be
 * locked are noted ({@link #locked}), for tests of the lock order.
 */
public final class InMemorySeats implements Seats {
    private final Map<TenantId, Map<SkuId, SeatCount>> seats = new ConcurrentHashMap<>();
    private final LocksAsked<SkuId> locked = new LocksAsked<>();

    /** The SKUs of the tenant whose rows were locked since the last call, in the order asked. */
    public List<SkuId> locked(TenantId tenant) {
        return locked.drain(tenant);
    }

    private Map<SkuId, SeatCount> of(TenantId tenant) {
        return seats.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public SeatCount lock(TenantId tenant, SkuId sku) {
        locked.note(tenant, List.of(sku));
        return of(tenant).getOrDefault(sku, SeatCount.EMPTY);
    }

    @Override
    public void save(TenantId tenant, SkuId sku, SeatCount count) {
        of(tenant).put(sku, count);
    }

    @Override
    public Map<SkuId, SeatCount> all(TenantId tenant) {
        return new HashMap<>(of(tenant));
    }
}
