package org.allot.core.assignment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.ConcurrentChange;
import org.allot.core.TenantId;
import org.allot.core.assignment.DeferredSteps.Step;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The seat figures one unit of work reads and changes, and the decisions it takes on them. Each SKU's figures are
 * locked when first touched and written back by {@link #flush()}; nothing is written if the unit of work is abandoned.
 * Reading, locking and writing the figures is {@link SeatFigures}'s; what they may become is decided here.
 *
 * <p>A {@link #deferred} ledger locks nothing while the unit of work decides: it decides on figures read without a
 * lock and records each step it took (a seat taken or refused, given back, a waiting list joined or left). The seat
 * rows are locked last, by {@link #lockDeferred()}, and the steps replayed on the locked figures ({@link
 * DeferredSteps}): when a seat taken or refused would now be refused or taken, the decision no longer holds and the
 * unit of work is run again ({@link ConcurrentChange}); otherwise the locked figures plus the steps are what is
 * written. The hot row of a SKU that many requests take seats of is so held only from that replay to the end of the
 * transaction; where the port can, the lock and the write are one step ({@link Seats#lockAdding}), replayed on the
 * figures as they were locked (a replay that fails undoes the write with the rest of the unit of work).
 *
 * <p>Who may take a free seat: a user already waiting for the SKU only when admitted (the waiting list is served in
 * order), an admitted user whenever a seat is free, anyone else only when more seats are free than users wait.
 */
public final class SeatLedger {
    private final SeatFigures figures;
    /** The figures of pooled SKUs' pools ({@link PoolSeats}), held with their SKU's row. */
    private final PoolSeats pools;

    private final Map<SkuId, Set<UserId>> admitted = new HashMap<>();
    /** Per SKU, users who give their seat back and wait ({@link #giveUp}). */
    private final Map<SkuId, Set<UserId>> givingUp = new HashMap<>();
    /** The steps a deferred ledger took on unlocked figures; null once they were replayed (or never). */
    private DeferredSteps steps;

    public SeatLedger(TenantId tenant, Seats seats) {
        this(new SeatFigures(tenant, seats, null, true, PoolSeats.none(tenant)));
    }

    /** A ledger that keeps the figures of the tenant's pools ({@code book}) too. */
    SeatLedger(TenantId tenant, Seats seats, Allotments allotments, PoolBook book) {
        this(new SeatFigures(tenant, seats, null, true, new PoolSeats(tenant, allotments, book)));
    }

    private SeatLedger(SeatFigures figures) {
        this.figures = figures;
        this.pools = figures.pools();
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
        SeatLedger ledger = new SeatLedger(new SeatFigures(tenant, seats, figures, true, pools));
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
        DeferredSteps toReplay = steps;
        steps = null;
        toReplay.lockAndReplay(figures, this);
    }

    /** The figures of every SKU as this ledger last knew them: read, or as it changed and wrote them. */
    Map<SkuId, SeatCount> figures() {
        return figures.all();
    }

    /**
     * A ledger over figures read without locking, that never writes: evaluating a batch against it first tells
     * which SKUs the batch touches, so the real ledger can lock them all up front in one order.
     */
    SeatLedger probe() {
        SeatLedger probe = new SeatLedger(figures.probe());
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
        return new SeatLedger(new SeatFigures(tenant, seats, seats.all(tenant), false, pools));
    }

    /** The figures a {@link #snapshot} ledger was made of, as read. */
    Map<SkuId, SeatCount> figuresRead() {
        return figures.read();
    }

    /** The figures of the tenant's pools a {@link #snapshot} ledger reads, as read (before it changed any). */
    Map<AllotmentId, AllotmentCount> poolFiguresRead() {
        return pools.read();
    }

    /** The SKUs this ledger has read. */
    Set<SkuId> touched() {
        return figures.touched();
    }

    /**
     * Takes over what a {@link #probe} did, when the figures it started from are the ones this ledger holds now (locked)
     * for every SKU it read, and its pools': the engine, run again on them, would take and free the same seats. False, and nothing
     * taken over, when any figure moved meanwhile.
     */
    boolean adopt(SeatLedger probe) {
        return figures.adopt(probe.figures, steps != null);
    }

    /** Locks the figures of these SKUs now, in a fixed order, so concurrent units of work lock alike. */
    public void lockAll(Collection<SkuId> skus) {
        new TreeSet<>(skus).forEach(this::count);
    }

    public SeatCount count(SkuId sku) {
        return figures.count(sku, steps != null);
    }

    /** Lets these users take free seats of the SKU ahead of newcomers: the head of its waiting list, or a forced assignment. */
    public void admit(SkuId sku, Collection<UserId> users) {
        admitted.computeIfAbsent(sku, s -> new HashSet<>()).addAll(users);
    }

    /** The users {@link #admit admitted} to the SKU's free seats. */
    Set<UserId> admitted(SkuId sku) {
        return admitted.getOrDefault(sku, Set.of());
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
            figures.put(sku, count.withConsumed(count.consumed() + 1));
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
            figures.changedPools();
        }
        return may;
    }

    /** A move needs no free seat of the SKU, only room for a newcomer in the pool it goes to. */
    boolean fitsMove(SeatCount count, SkuId sku, AllotmentId to) {
        return pools.bucket(count, sku, to).freeForNewcomers() > 0;
    }

    boolean mayTake(SeatCount count, SkuId sku, UserId user, boolean waiting, AllotmentId pool) {
        boolean isAdmitted = admitted(sku).contains(user);
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
        figures.put(sku, count.withConsumed(count.consumed() - 1));
    }

    void joinQueue(SkuId sku) {
        joinQueue(sku, null);
    }

    void joinQueue(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.JOIN, null, false, false, pool, null));
        pools.add(pool, 0, 1);
        figures.put(sku, count.withWaiting(count.waiting() + 1));
    }

    void leaveQueue(SkuId sku) {
        leaveQueue(sku, null);
    }

    void leaveQueue(SkuId sku, AllotmentId pool) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.LEAVE, null, false, false, pool, null));
        pools.add(pool, 0, -1);
        figures.put(sku, count.withWaiting(count.waiting() - 1));
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
        figures.put(sku, count(sku).withWaiting(waiting));
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
        Set<SkuId> owing = figures.owing();
        owing.removeIf(sku -> pools.pooled(sku) && buckets(sku).stream().allMatch(pool -> owed(sku, pool) == 0));
        return owing;
    }

    /** Writes the changed figures (of a deferred ledger: once its seat rows are locked and its steps replayed). */
    public void flush() {
        lockDeferred();
        figures.flush();
    }

    /** How many times a figure was changed: an evaluation that leaves it as it was took and freed no seat. */
    int writes() {
        return figures.writes();
    }
}
