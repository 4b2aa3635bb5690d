package org.allot.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;

/**
 * Port: a tenant's allotments (capped pools of a SKU's seats), the pools that group license assignments name, and each
 * pool's figures. The definitions change rarely and may be remembered per tenant; the figures are locked like a SKU's
 * seat row, right after it ({@link #lock}: the lock order's seat level, pools after their SKU's row).
 */
public interface Allotments {
    /** Every pool of the tenant and the pools group assignments name: what the engine reads once per unit of work. */
    PoolBook book(TenantId tenant);

    Optional<Allotment> find(TenantId tenant, AllotmentId id);

    /** Adds a pool with no holder and nobody waiting. */
    void add(TenantId tenant, Allotment allotment);

    /** Changes a pool's name, owner, cap or place (its figures stay). */
    void update(TenantId tenant, Allotment allotment);

    /** Removes a pool, its figures and the group assignments' references to it. */
    void remove(TenantId tenant, AllotmentId id);

    /** Names the pool a group's assignment of the SKU draws from (empty: none named). */
    void name(TenantId tenant, GroupId group, SkuId sku, Optional<AllotmentId> pool);

    /** The figures of every pool of the tenant, read without a lock. */
    Map<AllotmentId, AllotmentCount> counts(TenantId tenant);

    /**
     * Locks the figures of the SKU's pools until the unit of work ends and returns them, in pool id order. Taken after
     * the SKU's seat row ({@link org.allot.core.subscription.Seats#lock}).
     */
    Map<AllotmentId, AllotmentCount> lock(TenantId tenant, SkuId sku);

    /** Writes figures locked in the same unit of work. */
    void save(TenantId tenant, AllotmentId id, AllotmentCount count);

    /** For stores and tools that know no pools: every SKU is one remainder. */
    Allotments NONE = new Allotments() {
        @Override
        public PoolBook book(TenantId tenant) {
            return PoolBook.EMPTY;
        }

        @Override
        public Optional<Allotment> find(TenantId tenant, AllotmentId id) {
            return Optional.empty();
        }

        @Override
        public void add(TenantId tenant, Allotment allotment) {
            throw new UnsupportedOperationException("no allotments here");
        }

        @Override
        public void update(TenantId tenant, Allotment allotment) {
            throw new UnsupportedOperationException("no allotments here");
        }

        @Override
        public void remove(TenantId tenant, AllotmentId id) {
            throw new UnsupportedOperationException("no allotments here");
        }

        @Override
        public void name(TenantId tenant, GroupId group, SkuId sku, Optional<AllotmentId> pool) {
            throw new UnsupportedOperationException("no allotments here");
        }

        @Override
        public Map<AllotmentId, AllotmentCount> counts(TenantId tenant) {
            return Map.of();
        }

        @Override
        public Map<AllotmentId, AllotmentCount> lock(TenantId tenant, SkuId sku) {
            return Map.of();
        }

        @Override
        public void save(TenantId tenant, AllotmentId id, AllotmentCount count) {
            throw new UnsupportedOperationException("no allotments here");
        }
    };

    /** A group's license assignment of a SKU naming a pool. */
    record Named(GroupId group, SkuId sku) {}

    /** Convenience for {@link PoolBook#of}: the pools of one SKU. */
    default List<Allotment> of(TenantId tenant, SkuId sku) {
        return book(tenant).of(sku);
    }
}
