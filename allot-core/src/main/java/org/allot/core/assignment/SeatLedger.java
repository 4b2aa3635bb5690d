package org.allot.core.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The seat figures one unit of work reads and changes. Each SKU's figures are locked when first touched and written
 * back by {@link #flush()}; nothing is written if the unit of work is abandoned.
 *
 * <p>Who may take a free seat: a user already waiting for the SKU only when admitted (the waiting list is served in
 * order), an admitted user whenever a seat is free, anyone else only when more seats are free than users wait.
 */
public final class SeatLedger {
    private final TenantId tenant;
    private final Seats seats;
    private final Map<SkuId, SeatCount> snapshot;
    private final Map<SkuId, SeatCount> counts = new LinkedHashMap<>();
    private final Set<SkuId> changed = new HashSet<>();
    private final Map<SkuId, Set<UserId>> admitted = new HashMap<>();
    private int writes;

    public SeatLedger(TenantId tenant, Seats seats) {
        this(tenant, seats, null);
    }

    private SeatLedger(TenantId tenant, Seats seats, Map<SkuId, SeatCount> snapshot) {
        this.tenant = tenant;
        this.seats = seats;
        this.snapshot = snapshot;
    }

    /**
     * A ledger over figures read without locking, that never writes: evaluating a batch against it first tells
     * which SKUs the batch touches, so the real ledger can lock them all up front in one order.
     */
    SeatLedger probe() {
        SeatLedger probe = new SeatLedger(tenant, seats, seats.all(tenant));
        admitted.forEach((sku, users) -> probe.admit(sku, users));
        return probe;
    }

    /** A ledger over the current figures that locks and writes nothing: for previews. */
    static SeatLedger snapshot(TenantId tenant, Seats seats) {
        return new SeatLedger(tenant, seats, seats.all(tenant));
    }

    /** The figures a {@link #snapshot} ledger was made of, as read. */
    Map<SkuId, SeatCount> figuresRead() {
        return snapshot == null ? Map.of() : Map.copyOf(snapshot);
    }

    /** The SKUs this ledger has read. */
    Set<SkuId> touched() {
        return Set.copyOf(counts.keySet());
    }

    /**
     * Takes over what a {@link #probe} did, when the figures it started from are the ones this ledger holds now (locked)
     * for every SKU it read: the engine, run again on them, would take and free the same seats. False, and nothing
     * taken over, when any figure moved meanwhile.
     */
    boolean adopt(SeatLedger probe) {
        for (Map.Entry<SkuId, SeatCount> read : probe.counts.entrySet()) {
            SeatCount start = probe.snapshot.getOrDefault(read.getKey(), SeatCount.EMPTY);
            if (!count(read.getKey()).equals(start)) {
                return false;
            }
        }
        for (SkuId sku : probe.changed) {
            counts.put(sku, probe.counts.get(sku));
            changed.add(sku);
        }
        writes += probe.writes;
        return true;
    }

    /** Locks the figures of these SKUs now, in a fixed order, so concurrent units of work lock alike. */
    public void lockAll(Collection<SkuId> skus) {
        new TreeSet<>(skus).forEach(this::count);
    }

    public SeatCount count(SkuId sku) {
        return counts.computeIfAbsent(
                sku, s -> snapshot == null ? seats.lock(tenant, s) : snapshot.getOrDefault(s, SeatCount.EMPTY));
    }

    /** Lets these users take free seats of the SKU ahead of newcomers: the head of its waiting list, or a forced assignment. */
    public void admit(SkuId sku, Collection<UserId> users) {
        admitted.computeIfAbsent(sku, s -> new HashSet<>()).addAll(users);
    }

    boolean tryTake(SkuId sku, UserId user, boolean waiting) {
        SeatCount count = count(sku);
        boolean isAdmitted = admitted.getOrDefault(sku, Set.of()).contains(user);
        boolean may = isAdmitted ? count.available() > 0 : !waiting && count.freeForNewcomers() > 0;
        if (may) {
            put(sku, count.withConsumed(count.consumed() + 1));
        }
        return may;
    }

    void release(SkuId sku) {
        SeatCount count = count(sku);
        put(sku, count.withConsumed(count.consumed() - 1));
    }

    void joinQueue(SkuId sku) {
        SeatCount count = count(sku);
        put(sku, count.withWaiting(count.waiting() + 1));
    }

    void leaveQueue(SkuId sku) {
        SeatCount count = count(sku);
        put(sku, count.withWaiting(count.waiting() - 1));
    }

    /** Sets the waiting figure to what the assignments say, when the two have drifted apart. */
    void correctWaiting(SkuId sku, int waiting) {
        put(sku, count(sku).withWaiting(waiting));
    }

    /** SKUs whose free seats are owed to waiting users. */
    public Set<SkuId> owing() {
        Set<SkuId> owing = new TreeSet<>();
        counts.forEach((sku, c) -> {
            if (c.available() > 0 && c.waiting() > 0) {
                owing.add(sku);
            }
        });
        return owing;
    }

    /** Writes the changed figures. */
    public void flush() {
        if (snapshot != null) {
            throw new IllegalStateException("a probe ledger writes nothing");
        }
        for (SkuId sku : new TreeSet<>(changed)) {
            seats.save(tenant, sku, counts.get(sku));
        }
        changed.clear();
    }

    private void put(SkuId sku, SeatCount count) {
        counts.put(sku, count);
        changed.add(sku);
        writes++;
    }

    /** How many times a figure was changed: an evaluation that leaves it as it was took and freed no seat. */
    int writes() {
        return writes;
    }
}
