package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.CapacityLoss;
import org.allot.core.subscription.OverageClocks;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Takes seats back when a product holds users beyond its capacity ({@link SeatCount#beyondCapacity}): the one place
 * where licensing removes a seat a user holds without the user, a group or an administrator asking. Two causes, one
 * rule (issue 18): a deleted subscription frees its seats at once, whatever their source ({@link Scope#ANY_SOURCE});
 * seats lowered on an active subscription are taken back only once the overage grace period has passed, and only
 * group-derived ones ({@link Scope#GROUPS_ONLY}, {@link OverageGrace}). Either way in {@link SeatHolders#TAKE_BACK_ORDER},
 * through the engine like any removal: the user gives the seat back, waits with the reason "seats reduced" and keeps
 * the {@code requestedDateTime} of the assignment, so they wait ahead of anyone who asked later.
 *
 * <p>One unit of work per call, in the lock order: the tenant's licensing lock (shared), the users chosen (in id
 * order), then the seat figures of every product they hold or wait for, this one included, in SKU order; how many
 * are beyond capacity is decided again on the locked figures. So the step is
 * idempotent and safe on several servers at once: a second run finds nobody beyond capacity.
 */
public final class SeatTakeBack implements CapacityLoss {
    /** Who the audit log says took a seat back. */
    public static final Actor CAPACITY = Actor.system("capacity below use");

    /** Which seats may be taken back. */
    public enum Scope {
        /** A subscription was deleted: any holder beyond capacity, group-derived ones first. */
        ANY_SOURCE,
        /** The overage grace period has passed: group-derived seats only; direct ones stay (the overage stays shown). */
        GROUPS_ONLY
    }

    /** What one take-back did: the users whose seats were taken back, in the order they were. */
    public record Result(List<UserId> takenBack) {
        public Result {
            takenBack = List.copyOf(takenBack);
        }
    }

    private final Transactions transactions;
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Assignments assignments;
    private final Seats seats;
    private final SeatHolders holders;
    private final OverageClocks clocks;

    SeatTakeBack(
            Transactions transactions,
            Reconciler reconciler,
            TenantLocks locks,
            Assignments assignments,
            Seats seats,
            SeatHolders holders,
            OverageClocks clocks) {
        this.transactions = Objects.requireNonNull(transactions);
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
        this.holders = Objects.requireNonNull(holders);
        this.clocks = Objects.requireNonNull(clocks);
    }

    @Override
    public void subscriptionDeleted(Caller caller, SkuId sku) {
        takeBack(caller, sku, Scope.ANY_SOURCE);
    }

    /**
     * Takes back the seats of the users beyond the product's capacity, at most as many as are beyond it, in
     * {@link SeatHolders#TAKE_BACK_ORDER}. Nothing when nobody is beyond capacity.
     */
    public Result takeBack(Caller caller, SkuId sku, Scope scope) {
        return transactions.run(() -> takeBackNow(caller.as(CAPACITY), sku, scope));
    }

    private Result takeBackNow(Caller caller, SkuId sku, Scope scope) {
        TenantId tenant = caller.tenant();
        locks.share(tenant);
        int seen = seats.all(tenant).getOrDefault(sku, SeatCount.EMPTY).beyondCapacity();
        if (seen == 0) {
            return settled(tenant, sku, List.of());
        }
        // read unlocked, then locked: a holder gone meanwhile is skipped, and the next run takes the rest
        List<SeatHolders.Holder> order = holders.inTakeBackOrder(tenant, sku, scope == Scope.GROUPS_ONLY, seen);
        Assignments.Locked locked = assignments.lockWithAssignments(
                tenant, order.stream().map(SeatHolders.Holder::user).toList());
        Reconciler.Work work = reconciler.begin(caller);
        // every seat row these users' evaluation may touch, this product's included, locked first and in SKU order
        Set<SkuId> touched = new TreeSet<>(List.of(sku));
        locked.assignments().values().forEach(rows -> rows.forEach(a -> touched.add(a.sku())));
        work.ledger.lockAll(touched);
        int beyond = work.ledger.count(sku).beyondCapacity();
        List<UserId> chosen = new ArrayList<>();
        for (SeatHolders.Holder holder : order) {
            if (chosen.size() == beyond) {
                break;
            }
            List<LicenseAssignment> rows = locked.assignments().getOrDefault(holder.user(), List.of());
            boolean holds = rows.stream().anyMatch(a -> a.sku().equals(sku) && a.holdsSeat());
            boolean direct = rows.stream()
                    .anyMatch(a -> a.sku().equals(sku) && a.source().isDirect());
            if (holds
                    && (scope == Scope.ANY_SOURCE || !direct)
                    && locked.subjects().containsKey(holder.user())) {
                chosen.add(holder.user());
            }
        }
        if (chosen.isEmpty()) {
            return new Result(List.of());
        }
        work.ledger.giveUp(sku, chosen);
        // evaluated like any change to these users: the other products they wait for are locked in order too
        reconciler.commit(work, reconciler.evaluate(work, chosen, Changes.NONE));
        reconciler.finish(work);
        return settled(tenant, sku, chosen);
    }

    /** The result, with the product's overage clock stopped once nobody is beyond its capacity. */
    private Result settled(TenantId tenant, SkuId sku, List<UserId> chosen) {
        clocks.stopOnceSettled(tenant, sku, seats.lock(tenant, sku));
        return new Result(chosen);
    }
}
