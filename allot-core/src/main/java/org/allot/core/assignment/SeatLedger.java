package org.allot.core.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.allot.core.ConcurrentChange;
import org.allot.core.TenantId;
import org.allot.core.assignment.DeferredSteps.Step;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The seat figures one unit of work reads and changes. Each SKU's figures are locked when first touched and written
 * back by {@link #flush()}; nothing is written if the unit of work is abandoned.
 *
 * <p>A {@link #deferred} ledger locks nothing while the unit of work decides: it decides on figures read without a
 * lock and records each step it took (a seat taken or refused, given back, a waiting list joined or left). The seat
 * rows are locked last, by {@link #lockDeferred()}, and the steps replayed on the locked figures: when a seat taken
 * or refused would now be refused or taken, the decision no longer holds and the unit of work is run again
 * ({@link ConcurrentChange}); otherwise the locked figures plus the steps are what is written. The hot row of a SKU
 * that many requests take seats of is so held only from that replay to the end of the transaction; where the port
 * can, the lock and the write are one step ({@link Seats#lockAdding}), replayed on the figures as they were locked
 * (a replay that fails undoes the write with the rest of the unit of work).
 *
 * <p>Who may take a free seat: a user already waiting for the SKU only when admitted (the waiting list is served in
 * order), an admitted user whenever a seat is free, anyone else only when more seats are free than users wait.
 */
public final class SeatLedger {
    private final TenantId tenant;
    private final Seats seats;
    private final Map<SkuId, SeatCount> snapshot;
    private final boolean writing;
    /** The figures of pooled SKUs' pools ({@link PoolSeats}), locked with their SKU's row. */
    private final PoolSeats pools;

    private final Map<SkuId, SeatCount> counts = new LinkedHashMap<>();
    private final Set<SkuId> changed = new HashSet<>();
    private final Map<SkuId, Set<UserId>> admitted = new HashMap<>();
    /** Per SKU, users who give their seat back and wait ({@link #giveUp}). */
    private final Map<SkuId, Set<UserId>> givingUp = new HashMap<>();
    /** SKUs whose seats are taken with the commit ({@link Seats#takeAtCommit}): nothing else may change them. */
    private final Set<SkuId> atCommit = new HashSet<>();
    /** The steps a deferred ledger took on unlocked figures; null once they were replayed (or never). */
    private DeferredSteps steps;

    private int writes;

    public SeatLedger(TenantId tenant, Seats seats) {
        this(tenant, seats, null, true, PoolSeats.none(tenant));
    }

    /** A ledger that keeps the figures of the tenant's pools ({@code book}) too. */
    SeatLedger(TenantId tenant, Seats seats, Allotments allotments, PoolBook book) {
        this(tenant, seats, null, true, new PoolSeats(tenant, allotments, book));
    }

    private SeatLedger(TenantId tenant, Seats seats, Map<SkuId, SeatCount> snapshot, boolean writing, PoolSeats pools) {
        this.tenant = tenant;
        this.seats = seats;
        this.snapshot = snapshot;
        this.writing = writing;
        this.pools = pools;
    }

    /** The tenant's pools as this ledger reads them. */
    PoolBook pools() {
        return pools.book();
    }

    /**
     * A ledger that decides on the figures as read now, without a lock, and locks the seat rows it touched only when
     * {@link #lockDeferred()} replays its steps on them.
     */
    static SeatLedger deferred(TenantId tenant, Seats seats) {
        return deferred(tenant, seats, seats.all(tenant), PoolSeats.none(tenant));
    }

    /** {@link #deferred(TenantId, Seats)} deciding on figures the caller read without a lock ({@link Seats#all}). */
    static SeatLedger deferred(TenantId tenant, Seats seats, Map<SkuId, SeatCount> figures, PoolSeats pools) {
        SeatLedger ledger = new SeatLedger(tenant, seats, figures, true, pools);
        ledger.steps = new DeferredSteps();
        return ledger;
    }

    /**
     * Locks the seat rows a deferred ledger touched, in SKU order, and replays its steps on the locked figures; from
     * then on it is an ordinary ledger holding those figures. Does nothing for a ledger that is not (or no longer)
     * deferred.
     *
     * @throws ConcurrentChange when a seat taken or refused on the unlocked figures would now be refused or taken
     */
    void lockDeferred() {
        if (steps == null) {
            return;
        }
        Map<SkuId, List<Step>> bySku = steps.bySku();
        steps = null;
        if (takenAtCommit(bySku)) {
            // figures only read are forgotten, to be locked if read again
            counts.keySet().retainAll(atCommit);
            changed.clear();
            return;
        }
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
                // a pooled SKU's pool rows are locked right after its row, and the steps replayed on both
                pools.forget(sku);
                pools.load(sku, true);
            }
            for (Step step : skuSteps) {
                count = DeferredSteps.replay(count, step, this, pools);
            }
            counts.put(sku, count);
            if (added.isEmpty()) {
                changed.add(sku);
            }
        });
    }

    /**
     * When every step took a seat for a newcomer while nobody waited for the SKU, the decision holds on any figures
     * where nobody waits and as many seats are free: the seats are then taken with the commit ({@link
     * Seats#takeAtCommit}), and this ledger keeps the figures it decided on. False, with nothing planned, otherwise.
     */
    private boolean takenAtCommit(Map<SkuId, List<Step>> bySku) {
        Map<SkuId, Integer> taken = new TreeMap<>();
        for (Map.Entry<SkuId, List<Step>> sku : bySku.entrySet()) {
            boolean newcomersTook =
                    DeferredSteps.newcomersTook(sku.getValue(), admitted.getOrDefault(sku.getKey(), Set.of()));
            if (!newcomersTook
                    || pools.pooled(sku.getKey())
                    || snapshot.getOrDefault(sku.getKey(), SeatCount.EMPTY).waiting() > 0) {
                return false;
            }
            taken.put(sku.getKey(), sku.getValue().size());
        }
        if (taken.isEmpty() || !seats.takeAtCommit(tenant, taken)) {
            return false;
        }
        atCommit.addAll(taken.keySet());
        return true;
    }

    /** The figures of every SKU as this ledger last knew them: read, or as it changed and wrote them. */
    Map<SkuId, SeatCount> figures() {
        Map<SkuId, SeatCount> figures = new HashMap<>(snapshot == null ? seats.all(tenant) : snapshot);
        figures.putAll(counts);
        return figures;
    }

    /**
     * A ledger over figures read without locking, that never writes: evaluating a batch against it first tells
     * which SKUs the batch touches, so the real ledger can lock them all up front in one order.
     */
    SeatLedger probe() {
        SeatLedger probe = new SeatLedger(tenant, seats, seats.all(tenant), false, pools.unlocked());
        admitted.forEach((sku, users) -> probe.admit(sku, users));
        givingUp.forEach((sku, users) -> probe.giveUp(sku, users));
        return probe;
    }

    /** A ledger over the current figures that locks and writes nothing: for previews. */
    static SeatLedger snapshot(TenantId tenant, Seats seats) {
        return snapshot(tenant, seats, PoolSeats.none(tenant));
    }

    /** {@link #snapshot(TenantId, Seats)} with the tenant's pools' figures as read. */
    static SeatLedger snapshot(TenantId tenant, Seats seats, PoolSeats pools) {
        return new SeatLedger(tenant, seats, seats.all(tenant), false, pools);
    }

    /** The figures a {@link #snapshot} ledger was made of, as read. */
    Map<SkuId, SeatCount> figuresRead() {
        return snapshot == null ? Map.of() : Map.copyOf(snapshot);
    }

    /** The figures of the tenant's pools a {@link #snapshot} ledger reads, as read (before it changed any). */
    Map<AllotmentId, AllotmentCount> poolFiguresRead() {
        return pools.read();
    }

    /** The SKUs this ledger has read. */
    Set<SkuId> touched() {
        return Set.copyOf(counts.keySet());
    }

    /**
     * Takes over what a {@link #probe} did, when the figures it started from are the ones this ledger holds now (locked)
     * for every SKU it read, and its pools': the engine, run again on them, would take and free the same seats. False, and nothing
     * taken over, when any figure moved meanwhile.
     */
    boolean adopt(SeatLedger probe) {
        if (probe.pools.changedAny()) {
            return false; // pooled figures are decided again on the locked rows
        }
        for (Map.Entry<SkuId, SeatCount> read : probe.counts.entrySet()) {
            SeatCount start = probe.snapshot.getOrDefault(read.getKey(), SeatCount.EMPTY);
            if (!count(read.getKey()).equals(start)) {
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

    /** Locks the figures of these SKUs now, in a fixed order, so concurrent units of work lock alike. */
    public void lockAll(Collection<SkuId> skus) {
        new TreeSet<>(skus).forEach(this::count);
    }

    public SeatCount count(SkuId sku) {
        SeatCount count = counts.get(sku);
        if (count == null) {
            boolean lock = writing && steps == null;
            count = lock ? seats.lock(tenant, sku) : snapshot.getOrDefault(sku, SeatCount.EMPTY);
            counts.put(sku, count);
            pools.load(sku, lock);
        }
        return count;
    }

    /** Lets these users take free seats of the SKU ahead of newcomers: the head of its waiting list, or a forced assignment. */
    public void admit(SkuId sku, Collection<UserId> users) {
        admitted.computeIfAbsent(sku, s -> new HashSet<>()).addAll(users);
    }

    /**
     * Makes these users give back the seat they hold of the SKU and wait for one: capacity taken back
     * ({@link SeatTakeBack}). The engine then treats the seat as not held.
     */
    void giveUp(SkuId sku, Collection<UserId> users) {
        givingUp.computeIfAbsent(sku, s -> new HashSet<>()).addAll(users);
    }

    boolean givesUp(SkuId sku, UserId user) {
        return givingUp.getOrDefault(sku, Set.of()).contains(user);
    }

    boolean tryTake(SkuId sku, UserId user, boolean waiting) {
        return tryTake(sku, null, user, waiting);
    }

    /** Takes a seat of the SKU from {@code pool} (null: the remainder, or a SKU without pools) if the rules allow. */
    boolean tryTake(SkuId sku, AllotmentId pool, UserId user, boolean waiting) {
        SeatCount count = count(sku);
        boolean may = mayTake(count, sku, user, waiting, pool);
        record(new Step(sku, Step.Kind.TAKE, user, waiting, may, pool, null));
        if (may) {
            pools.add(pool, 1, 0);
            put(sku, count.withConsumed(count.consumed() + 1));
        }
        return may;
    }

    /**
     * Moves a seat the user holds from one pool of the SKU to another (null: the remainder) when the other has a seat
     * free for a newcomer: the SKU's own figures do not change. False, and nothing moved, otherwise.
     */
    boolean tryMove(SkuId sku, AllotmentId from, AllotmentId to, UserId user) {
        SeatCount count = count(sku);
        boolean may = fitsMove(count, sku, to);
        record(new Step(sku, Step.Kind.MOVE, user, false, may, from, to));
        if (may) {
            pools.add(from, -1, 0);
            pools.add(to, 1, 0);
            writes++;
        }
        return may;
    }

    /** A move needs no free seat of the SKU, only room for a newcomer in the pool it goes to. */
    boolean fitsMove(SeatCount count, SkuId sku, AllotmentId to) {
        return pools.bucket(count, sku, to).freeForNewcomers() > 0;
    }

    boolean mayTake(SeatCount count, SkuId sku, UserId user, boolean waiting, AllotmentId pool) {
        boolean isAdmitted = admitted.getOrDefault(sku, Set.of()).contains(user);
        if (pools.pooled(sku)) {
            return pools.mayTake(count, sku, pool, isAdmitted, waiting);
        }
        return isAdmitted ? count.available() > 0 : !waiting && count.freeForNewcomers() > 0;
    }

    void release(SkuId sku) {
        release(sku, null);
    }

    void release(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.RELEASE, null, false, false, pool, null));
        pools.add(pool, -1, 0);
        put(sku, count.withConsumed(count.consumed() - 1));
    }

    void joinQueue(SkuId sku) {
        joinQueue(sku, null);
    }

    void joinQueue(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.JOIN, null, false, false, pool, null));
        pools.add(pool, 0, 1);
        put(sku, count.withWaiting(count.waiting() + 1));
    }

    void leaveQueue(SkuId sku) {
        leaveQueue(sku, null);
    }

    void leaveQueue(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.LEAVE, null, false, false, pool, null));
        pools.add(pool, 0, -1);
        put(sku, count.withWaiting(count.waiting() - 1));
    }

    /** A pool that exists in this ledger's book, or null (the remainder) for none or one deleted since. */
    AllotmentId knownPool(AllotmentId pool) {
        return pools.known(pool);
    }

    private void record(Step step) {
        if (steps != null) {
            steps.add(step);
        }
    }

    /** Sets the waiting figure to what the assignments say, when the two have drifted apart. */
    void correctWaiting(SkuId sku, int waiting) {
        put(sku, count(sku).withWaiting(waiting));
    }

    /** Sets a pool's waiting figure to what the assignments say (nothing for the remainder, which has no row). */
    void correctWaiting(SkuId sku, AllotmentId pool, int waiting) {
        count(sku);
        pools.correctWaiting(pool, waiting);
    }

    /** The SKU's pools in order then the remainder (null); just the remainder (null) for a SKU without pools. */
    List<AllotmentId> buckets(SkuId sku) {
        return pools.pooled(sku) ? pools.buckets(sku) : java.util.Collections.singletonList(null);
    }

    /** Seats of the pool (or remainder, or a SKU without pools: null) owed to its waiting users. */
    int owed(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        if (!pools.pooled(sku)) {
            return Math.min(count.available(), count.waiting());
        }
        return pools.owed(count, sku, pool);
    }

    /** SKUs whose free seats are owed to waiting users (of a deferred ledger: once its seat rows are locked). */
    public Set<SkuId> owing() {
        lockDeferred();
        Set<SkuId> owing = new TreeSet<>();
        counts.forEach((sku, c) -> {
            if (c.available() > 0 && c.waiting() > 0) {
                owing.add(sku);
            }
        });
        owing.removeIf(sku -> pools.pooled(sku) && buckets(sku).stream().allMatch(pool -> owed(sku, pool) == 0));
        return owing;
    }

    /** Writes the changed figures (of a deferred ledger: once its seat rows are locked and its steps replayed). */
    public void flush() {
        if (!writing) {
            throw new IllegalStateException("a probe ledger writes nothing");
        }
        lockDeferred();
        for (SkuId sku : new TreeSet<>(changed)) {
            seats.save(tenant, sku, counts.get(sku));
        }
        changed.clear();
        pools.flush();
    }

    private void put(SkuId sku, SeatCount count) {
        if (atCommit.contains(sku)) {
            throw new IllegalStateException(
                    "the seats of " + sku + " are taken with the commit: nothing else may change them");
        }
        counts.put(sku, count);
        changed.add(sku);
        writes++;
    }

    /** How many times a figure was changed: an evaluation that leaves it as it was took and freed no seat. */
    int writes() {
        return writes;
    }
}
