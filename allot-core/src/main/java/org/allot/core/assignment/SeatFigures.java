package org.allot.core.assignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.allot.core.TenantId;
import org.allot.core.assignment.DeferredSteps.Step;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The seat figures a {@link SeatLedger} holds: each SKU's row, read without a lock (the figures a snapshot, probe or
 * deferred ledger decides on) or locked when first touched, with its pools' ({@link PoolSeats}); the figures as the
 * ledger changed them, and their write by {@link #flush()}. A deferred ledger's rows are locked last, the lock and the
 * write one step where the port can ({@link Seats#lockAdding}), or their seats taken with the commit ({@link
 * Seats#takeAtCommit}). What the figures may become is the ledger's to decide; this class only reads, locks and
 * writes them.
 */
final class SeatFigures {
    private final TenantId tenant;
    private final Seats seats;
    /** The figures as read without a lock; null for a ledger that locks each SKU's row when first touched. */
    private final Map<SkuId, SeatCount> snapshot;

    private final boolean writing;
    /** The figures of pooled SKUs' pools, locked with their SKU's row. */
    private final PoolSeats pools;

    private final Map<SkuId, SeatCount> counts = new LinkedHashMap<>();
    private final Set<SkuId> changed = new HashSet<>();
    /** SKUs whose seats are taken with the commit ({@link Seats#takeAtCommit}): nothing else may change them. */
    private final Set<SkuId> atCommit = new HashSet<>();

    private int writes;

    SeatFigures(TenantId tenant, Seats seats, Map<SkuId, SeatCount> snapshot, boolean writing, PoolSeats pools) {
        this.tenant = tenant;
        this.seats = seats;
        this.snapshot = snapshot;
        this.writing = writing;
        this.pools = pools;
    }

    PoolSeats pools() {
        return pools;
    }

    /** Figures read now without a lock, over the same pools, that are never written: a probe's. */
    SeatFigures probe() {
        return new SeatFigures(tenant, seats, seats.all(tenant), false, pools.unlocked());
    }

    /**
     * The SKU's figures as held; when first touched, read with its pools' from the figures read without a lock, or
     * locked if these figures are written and {@code unlocked} (a deferred ledger still deciding) is false.
     */
    SeatCount count(SkuId sku, boolean unlocked) {
        SeatCount count = counts.get(sku);
        if (count == null) {
            boolean lock = writing && !unlocked;
            count = lock ? seats.lock(tenant, sku) : snapshot.getOrDefault(sku, SeatCount.EMPTY);
            counts.put(sku, count);
            pools.load(sku, lock);
        }
        return count;
    }

    /** Sets the SKU's figures as the ledger changed them, to be written. */
    void put(SkuId sku, SeatCount count) {
        if (atCommit.contains(sku)) {
            throw new IllegalStateException(
                    "the seats of " + sku + " are taken with the commit: nothing else may change them");
        }
        counts.put(sku, count);
        changed.add(sku);
        writes++;
    }

    /** Counts a change of the pools' figures alone (a seat moved between pools) as a change. */
    void changedPools() {
        writes++;
    }

    /** How many times a figure was changed. */
    int writes() {
        return writes;
    }

    /** The figures of every SKU as last known: read, or as changed and written. */
    Map<SkuId, SeatCount> all() {
        Map<SkuId, SeatCount> figures = new HashMap<>(snapshot == null ? seats.all(tenant) : snapshot);
        figures.putAll(counts);
        return figures;
    }

    /** The figures as read without a lock (none for a ledger that locks). */
    Map<SkuId, SeatCount> read() {
        return snapshot == null ? Map.of() : Map.copyOf(snapshot);
    }

    /** How many users waited for the SKU in the figures read without a lock. */
    int waitingRead(SkuId sku) {
        return snapshot.getOrDefault(sku, SeatCount.EMPTY).waiting();
    }

    /** The SKUs whose figures are held. */
    Set<SkuId> touched() {
        return Set.copyOf(counts.keySet());
    }

    /** SKUs with seats free and users waiting, in the figures held. */
    Set<SkuId> owing() {
        Set<SkuId> owing = new TreeSet<>();
        counts.forEach((sku, c) -> {
            if (c.available() > 0 && c.waiting() > 0) {
                owing.add(sku);
            }
        });
        return owing;
    }

    /**
     * Takes over what a probe changed, and its count of changes, when the figures it started from are the ones held
     * now (read, with {@code unlocked}, or locked) for every SKU it read, and its pools'. False, and nothing taken
     * over, when any figure moved meanwhile.
     */
    boolean adopt(SeatFigures probe, boolean unlocked) {
        if (probe.pools.changedAny()) {
            return false; // pooled figures are decided again on the locked rows
        }
        for (Map.Entry<SkuId, SeatCount> read : probe.counts.entrySet()) {
            SeatCount start = probe.snapshot.getOrDefault(read.getKey(), SeatCount.EMPTY);
            if (!count(read.getKey(), unlocked).equals(start)) {
                return false;
            }
            if (!pools.sameFigures(probe.pools, read.getKey())) {
                // a seat moved between pools in this unit of work changes the pools' figures, not the SKU's
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

    /**
     * Takes these seats with the commit ({@link Seats#takeAtCommit}) and keeps the figures decided on for those SKUs;
     * figures only read are forgotten, to be locked if read again. False, and nothing changed, when none are to be
     * taken or the port cannot.
     */
    boolean takeAtCommit(Map<SkuId, Integer> taken) {
        if (taken.isEmpty() || !seats.takeAtCommit(tenant, taken)) {
            return false;
        }
        atCommit.addAll(taken.keySet());
        counts.keySet().retainAll(atCommit);
        changed.clear();
        return true;
    }

    /**
     * Locks the rows of these SKUs, in the map's order, and holds for each what {@code replay} makes of its steps on
     * the locked figures (on the SKU's pools' too, locked right after its row). Where the port can, the lock adds
     * what the steps took and queued ({@link Seats#lockAdding}), replayed on the figures as they were locked, and the
     * row needs no write.
     */
    void lockReplaying(Map<SkuId, List<Step>> bySku, BiFunction<SeatCount, List<Step>, SeatCount> replay) {
        counts.clear();
        changed.clear();
        bySku.forEach((sku, skuSteps) -> {
            DeferredSteps.Totals totals = DeferredSteps.totals(skuSteps);
            boolean pooled = pools.pooled(sku);
            Optional<SeatCount> added = totals.none() || pooled
                    ? Optional.empty()
                    : seats.lockAdding(tenant, sku, totals.consumed(), totals.waiting());
            SeatCount count = added.orElseGet(() -> seats.lock(tenant, sku));
            if (pooled) {
                pools.forget(sku);
                pools.load(sku, true);
            }
            counts.put(sku, replay.apply(count, skuSteps));
            if (added.isEmpty()) {
                changed.add(sku);
            }
        });
    }

    /** Writes the changed figures, in SKU order, then the pools'. */
    void flush() {
        if (!writing) {
            throw new IllegalStateException("a probe ledger writes nothing");
        }
        for (SkuId sku : new TreeSet<>(changed)) {
            seats.save(tenant, sku, counts.get(sku));
        }
        changed.clear();
        pools.flush();
    }
}
