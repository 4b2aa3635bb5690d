package org.allot.core.assignment;

import java.util.List;
import java.util.Objects;
import org.allot.core.catalog.SkuId;

/**
 * A SKU's seats by pool, as reports and the admin center show them: each pool with the seats it has now (its cap, or
 * less when the subscription holds fewer than the caps: {@link PoolBook#caps}), the users holding a seat drawn from it
 * and those waiting for one; and the remainder the same way.
 */
public record PoolFigures(SkuId sku, String skuPartNumber, int enabled, List<Pool> pools, Pool remainder) {
    public PoolFigures {
        Objects.requireNonNull(sku, "sku");
        pools = List.copyOf(pools);
        Objects.requireNonNull(remainder, "remainder");
    }

    /** One pool's figures; {@code allotment} is null for the remainder. */
    public record Pool(Allotment allotment, int seats, int consumed, int waiting) {
        public int available() {
            return Math.max(0, seats - consumed);
        }
    }

    /** These figures with only the pools owned by these administrative units (what a unit's administrator reads). */
    public PoolFigures ofUnits(java.util.Set<java.util.UUID> units) {
        return new PoolFigures(
                sku,
                skuPartNumber,
                enabled,
                pools.stream()
                        .filter(p -> p.allotment().owner().kind() == Allotment.Kind.UNIT
                                && units.contains(p.allotment().owner().id()))
                        .toList(),
                remainder);
    }

    /** The pool's figures, or the remainder's for null. */
    public Pool of(AllotmentId id) {
        if (id == null) {
            return remainder;
        }
        return pools.stream()
                .filter(p -> p.allotment().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pool " + id));
    }

    /** The figures of a SKU's pools and remainder, from its seat row's figures and its pools'. */
    static PoolFigures of(
            SkuId sku,
            String skuPartNumber,
            PoolBook book,
            org.allot.core.subscription.SeatCount count,
            java.util.Map<AllotmentId, AllotmentCount> counts) {
        int enabled = count.prepaid().enabled();
        var caps = book.caps(sku, enabled);
        List<Pool> pools = new java.util.ArrayList<>();
        int consumed = count.consumed();
        int waiting = count.waiting();
        for (Allotment a : book.of(sku)) {
            AllotmentCount c = counts.getOrDefault(a.id(), AllotmentCount.EMPTY);
            pools.add(new Pool(a, caps.getOrDefault(a.id(), 0), c.consumed(), c.waiting()));
            consumed -= c.consumed();
            waiting -= c.waiting();
        }
        Pool remainder = new Pool(null, book.remainder(sku, enabled), Math.max(0, consumed), Math.max(0, waiting));
        return new PoolFigures(sku, skuPartNumber, enabled, pools, remainder);
    }
}
