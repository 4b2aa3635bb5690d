package org.allot.core.assignment;

import java.util.ArrayList;
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
    private final Map<SkuId, SeatCount> counts = new LinkedHashMap<>();
    private final Set<SkuId> changed = new HashSet<>();
    private final Map<SkuId, Set<UserId>> admitted = new HashMap<>();
    /** Per SKU, users who give their seat back and wait ({@link #giveUp}). */
    private final Map<SkuId, Set<UserId>> givingUp = new HashMap<>();
    /** SKUs whose seats are taken with the commit ({@link Seats#takeAtCommit}): nothing else may change them. */
    private final Set<SkuId> atCommit = new HashSet<>();
    /** The steps a deferred ledger took on unlocked figures, in order; null once they were replayed (or never). */
    private List<Step> steps;

    private int writes;

    /** What a deferred ledger did to a SKU's figures; a seat asked for also records whether it was given. */
    private record Step(SkuId sku, Kind kind, UserId user, boolean waiting, boolean taken) {
        enum Kind {
            TAKE,
            RELEASE,
            JOIN,
            LEAVE
        }
    }

    public SeatLedger(TenantId tenant, Seats seats) {
        this(tenant, seats, null, true);
    }

    private SeatLedger(TenantId tenant, Seats seats, Map<SkuId, SeatCount> snapshot, boolean writing) {
        this.tenant = tenant;
        this.seats = seats;
        this.snapshot = snapshot;
        this.writing = writing;
    }

    /**
     * A ledger that decides on the figures as read now, without a lock, and locks the seat rows it touched only when
     * {@link #lockDeferred()} replays its steps on them.
     */
    static SeatLedger deferred(TenantId tenant, Seats seats) {
        return deferred(tenant, seats, seats.all(tenant));
    }

    /** {@link #deferred(TenantId, Seats)} deciding on figures the caller read without a lock ({@link Seats#all}). */
    static SeatLedger deferred(TenantId tenant, Seats seats, Map<SkuId, SeatCount> figures) {
        SeatLedger ledger = new SeatLedger(tenant, seats, figures, true);
        ledger.steps = new ArrayList<>();
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
        List<Step> taken = steps;
        steps = null;
        Map<SkuId, List<Step>> bySku = new TreeMap<>();
        taken.forEach(step ->
                bySku.computeIfAbsent(step.sku(), s -> new ArrayList<>()).add(step));
        if (takenAtCommit(bySku)) {
            // figures only read are forgotten, to be locked if read again
            counts.keySet().retainAll(atCommit);
            changed.clear();
            return;
        }
        counts.clear();
        changed.clear();
        bySku.forEach((sku, skuSteps) -> {
            int consumed = 0;
            int waiting = 0;
            for (Step step : skuSteps) {
                switch (step.kind()) {
                    case TAKE -> consumed += step.taken() ? 1 : 0;
                    case RELEASE -> consumed--;
                    case JOIN -> waiting++;
                    case LEAVE -> waiting--;
                }
            }
            Optional<SeatCount> added =
                    consumed == 0 && waiting == 0 ? Optional.empty() : seats.lockAdding(tenant, sku, consumed, waiting);
            SeatCount count = added.orElseGet(() -> seats.lock(tenant, sku));
            for (Step step : skuSteps) {
                count = replay(count, step);
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
            Set<UserId> admittedToSku = admitted.getOrDefault(sku.getKey(), Set.of());
            boolean newcomersTook = sku.getValue().stream()
                    .allMatch(step -> step.kind() == Step.Kind.TAKE
                            && step.taken()
                            && !step.waiting()
                            && !admittedToSku.contains(step.user()));
            if (!newcomersTook
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

    private SeatCount replay(SeatCount count, Step step) {
        return switch (step.kind()) {
            case TAKE -> {
                boolean may = mayTake(count, step.sku(), step.user(), step.waiting());
                if (may != step.taken()) {
                    throw new ConcurrentChange("the seats of " + step.sku() + " changed while a unit of work decided");
                }
                yield may ? count.withConsumed(count.consumed() + 1) : count;
            }
            case RELEASE -> count.withConsumed(count.consumed() - 1);
            case JOIN -> count.withWaiting(count.waiting() + 1);
            case LEAVE -> count.withWaiting(count.waiting() - 1);
        };
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
        SeatLedger probe = new SeatLedger(tenant, seats, seats.all(tenant), false);
        admitted.forEach((sku, users) -> probe.admit(sku, users));
        givingUp.forEach((sku, users) -> probe.giveUp(sku, users));
        return probe;
    }

    /** A ledger over the current figures that locks and writes nothing: for previews. */
    static SeatLedger snapshot(TenantId tenant, Seats seats) {
        return new SeatLedger(tenant, seats, seats.all(tenant), false);
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
                sku, s -> writing && steps == null ? seats.lock(tenant, s) : snapshot.getOrDefault(s, SeatCount.EMPTY));
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
        SeatCount count = count(sku);
        boolean may = mayTake(count, sku, user, waiting);
        record(new Step(sku, Step.Kind.TAKE, user, waiting, may));
        if (may) {
            put(sku, count.withConsumed(count.consumed() + 1));
        }
        return may;
    }

    private boolean mayTake(SeatCount count, SkuId sku, UserId user, boolean waiting) {
        boolean isAdmitted = admitted.getOrDefault(sku, Set.of()).contains(user);
        return isAdmitted ? count.available() > 0 : !waiting && count.freeForNewcomers() > 0;
    }

    void release(SkuId sku) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.RELEASE, null, false, false));
        put(sku, count.withConsumed(count.consumed() - 1));
    }

    void joinQueue(SkuId sku) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.JOIN, null, false, false));
        put(sku, count.withWaiting(count.waiting() + 1));
    }

    void leaveQueue(SkuId sku) {
        SeatCount count = count(sku);
        record(new Step(sku, Step.Kind.LEAVE, null, false, false));
        put(sku, count.withWaiting(count.waiting() - 1));
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

    /** SKUs whose free seats are owed to waiting users (of a deferred ledger: once its seat rows are locked). */
    public Set<SkuId> owing() {
        lockDeferred();
        Set<SkuId> owing = new TreeSet<>();
        counts.forEach((sku, c) -> {
            if (c.available() > 0 && c.waiting() > 0) {
                owing.add(sku);
            }
        });
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
