package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;

/**
 * The pool figures a {@link SeatLedger} reads and changes besides each SKU's row: for a SKU split into pools, each
 * pool's holders and waiting users, locked right after the SKU's row. The remainder (seats in no pool) has no row of
 * its own: it is the SKU's figures less its pools' ({@link #bucket}), so a pool deleted gives its holders and waiting
 * users back to the remainder without a write.
 *
 * <p>Who may take a seat of a pooled SKU: the rule of {@link SeatLedger} applied to the user's pool (or the
 * remainder) instead of the whole SKU, and a seat of the SKU free as well, so that neither a pool nor the SKU is ever
 * over-allocated. Users waiting for another pool do not hold back a newcomer whose pool has seats.
 */
final class PoolSeats {
    /** A pool's (or the remainder's) seats as the rule sees them. */
    record Bucket(int seats, int consumed, int waiting) {
        int available() {
            return Math.max(0, seats - consumed);
        }

        int freeForNewcomers() {
            return Math.max(0, available() - waiting);
        }
    }

    private final TenantId tenant;
    private final Allotments allotments;
    private final PoolBook book;
    /** Figures read without a lock (snapshot, probe and deferred ledgers), read when first needed. */
    private Map<AllotmentId, AllotmentCount> read;

    private final Map<AllotmentId, AllotmentCount> figures = new HashMap<>();
    private final Set<SkuId> locked = new HashSet<>();
    private final Set<AllotmentId> changed = new HashSet<>();

    PoolSeats(TenantId tenant, Allotments allotments, PoolBook book) {
        this.tenant = tenant;
        this.allotments = Objects.requireNonNull(allotments);
        this.book = Objects.requireNonNull(book);
    }

    static PoolSeats none(TenantId tenant) {
        return new PoolSeats(tenant, Allotments.NONE, PoolBook.EMPTY);
    }

    /** A ledger over the same pools that reads, never locks (a probe). */
    PoolSeats unlocked() {
        PoolSeats copy = new PoolSeats(tenant, allotments, book);
        copy.read = read;
        return copy;
    }

    PoolBook book() {
        return book;
    }

    boolean pooled(SkuId sku) {
        return book.pooled(sku);
    }

    /** Reads (or, with {@code lock}, locks) the figures of the SKU's pools if it has any and they are not held yet. */
    void load(SkuId sku, boolean lock) {
        if (!book.pooled(sku)) {
            return;
        }
        if (lock) {
            if (locked.add(sku)) {
                figures.putAll(allotments.lock(tenant, sku));
            }
            return;
        }
        Map<AllotmentId, AllotmentCount> read = read();
        for (Allotment a : book.of(sku)) {
            figures.putIfAbsent(a.id(), read.getOrDefault(a.id(), AllotmentCount.EMPTY));
        }
    }

    /** The figures of every pool of the tenant as read without a lock (once, when first needed). */
    Map<AllotmentId, AllotmentCount> read() {
        if (read == null) {
            read = Map.copyOf(allotments.counts(tenant));
        }
        return read;
    }

    /** Forgets the SKU's figures (a deferred ledger about to lock and replay them). */
    void forget(SkuId sku) {
        locked.remove(sku);
        for (Allotment a : book.of(sku)) {
            figures.remove(a.id());
            changed.remove(a.id());
        }
    }

    /** A pool that exists in this book, or null (the remainder) for none or one deleted since. */
    AllotmentId known(AllotmentId pool) {
        return pool != null && book.find(pool).isPresent() ? pool : null;
    }

    Bucket bucket(SeatCount sku, SkuId id, AllotmentId pool) {
        Map<AllotmentId, Integer> caps = book.caps(id, sku.prepaid().enabled());
        if (pool != null) {
            AllotmentCount c = count(pool);
            return new Bucket(caps.getOrDefault(pool, 0), c.consumed(), c.waiting());
        }
        int consumed = sku.consumed();
        int waiting = sku.waiting();
        for (AllotmentId p : caps.keySet()) {
            consumed -= count(p).consumed();
            waiting -= count(p).waiting();
        }
        int seats = book.remainder(id, sku.prepaid().enabled());
        return new Bucket(seats, Math.max(0, consumed), Math.max(0, waiting));
    }

    /** Whether the user may take a seat of the pooled SKU from {@code pool} (null: the remainder). */
    boolean mayTake(SeatCount sku, SkuId id, AllotmentId pool, boolean admitted, boolean waiting) {
        Bucket b = bucket(sku, id, pool);
        if (sku.available() == 0) {
            return false;
        }
        return admitted ? b.available() > 0 : !waiting && b.freeForNewcomers() > 0;
    }

    /** Seats of the pool (or remainder) owed to its waiting users, as far as the SKU has seats free. */
    int owed(SeatCount sku, SkuId id, AllotmentId pool) {
        return owed(sku, bucket(sku, id, pool));
    }

    /** Seats of a pool (or the remainder) with these figures owed to its waiting users, as far as the SKU has seats. */
    static int owed(SeatCount sku, Bucket b) {
        return Math.min(Math.min(b.available(), b.waiting()), sku.available());
    }

    /** The SKU's pools in order, then the remainder (null). */
    List<AllotmentId> buckets(SkuId sku) {
        List<AllotmentId> buckets = new ArrayList<>();
        book.of(sku).forEach(a -> buckets.add(a.id()));
        buckets.add(null);
        return buckets;
    }

    void add(AllotmentId pool, int consumed, int waiting) {
        if (pool == null) {
            return; // the remainder has no row: it is the SKU's figures less its pools'
        }
        figures.put(pool, count(pool).plus(consumed, waiting));
        changed.add(pool);
    }

    void correctWaiting(AllotmentId pool, int waiting) {
        if (pool != null) {
            figures.put(pool, new AllotmentCount(count(pool).consumed(), waiting));
            changed.add(pool);
        }
    }

    private AllotmentCount count(AllotmentId pool) {
        return figures.getOrDefault(pool, AllotmentCount.EMPTY);
    }

    /** Whether the SKU's pools have the same figures here as in {@code other} (a probe, as it read them). */
    boolean sameFigures(PoolSeats other, SkuId sku) {
        if (!book.pooled(sku)) {
            return true;
        }
        for (Allotment a : book.of(sku)) {
            if (!count(a.id()).equals(other.count(a.id()))) {
                return false;
            }
        }
        return true;
    }

    /** The figures changed by a probe, for the ledger that adopts it. */
    boolean changedAny() {
        return !changed.isEmpty();
    }

    /** Writes the changed figures, in id order. */
    void flush() {
        for (AllotmentId pool : new TreeSet<>(changed)) {
            allotments.save(tenant, pool, count(pool));
        }
        changed.clear();
    }
}
