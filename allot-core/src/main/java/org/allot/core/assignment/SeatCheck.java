package org.allot.core.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The seat figures of a tenant's SKUs against a recount of the assignments: consumed is the number of users holding
 * a seat (deleted users included, they keep theirs), waiting the number in the waiting list; and nobody waits while a
 * seat is free. For a SKU split into allotments, the same per pool: each pool's figures (holders, waiting users)
 * against the assignments that record it, and nobody waits for a pool (or the remainder) that has a seat free while the
 * SKU has one ({@link PoolSeats#owed}) — users of a full pool waiting while other pools have seats are as the rules say.
 * A repair corrects the figures first, under each SKU's seat lock and then its pools' (the lock order's seat level),
 * because users repaired against a wrong figure could be given seats that do not exist; and serves the waiting lists
 * with free seats last.
 */
final class SeatCheck {
    private static final String NOBODY_WAITS = "nobody waiting while a seat is free";

    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Assignments assignments;
    private final Seats seats;
    private final Allotments allotments;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    SeatCheck(
            Reconciler reconciler,
            TenantLocks locks,
            Assignments assignments,
            Seats seats,
            Allotments allotments,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
        this.allotments = Objects.requireNonNull(allotments);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Recounts every SKU's figures and reports what differs, and users waiting while seats are free. A repair takes
     * the tenant's licensing lock shared, locks each SKU's figures in SKU order and corrects them, audited; the users
     * waiting are served as the run goes (and at its end, by {@link #serveWaiting}).
     */
    List<LicenseDifference> recount(Caller caller, boolean repair) {
        TenantId tenant = caller.tenant();
        if (repair) {
            locks.share(tenant);
        }
        List<LicenseDifference> differences = new ArrayList<>();
        Map<SkuId, SeatCount> figures = new TreeMap<>(seats.all(tenant));
        PoolBook book = allotments.book(tenant);
        Map<AllotmentId, AllotmentCount> poolsRead = repair || book.isEmpty() ? Map.of() : allotments.counts(tenant);
        for (SkuId sku : figures.keySet()) {
            SeatCount stored = repair ? seats.lock(tenant, sku) : figures.get(sku);
            SeatCount counted = stored.withConsumed(assignments.countHolding(tenant, sku))
                    .withWaiting(assignments.countWaiting(tenant, sku));
            Map<AllotmentId, AllotmentCount> storedPools = Map.of();
            Map<AllotmentId, AllotmentCount> countedPools = Map.of();
            if (book.pooled(sku)) {
                storedPools = repair ? allotments.lock(tenant, sku) : poolsRead;
                countedPools = assignments.countByPool(tenant, sku);
            }
            differences.addAll(differences(sku, stored, counted, book, storedPools, countedPools, repair));
            if (repair && !counted.equals(stored)) {
                seats.save(tenant, sku, counted);
                auditCorrection(caller, sku, stored, counted);
            }
            if (repair) {
                for (Allotment pool : book.of(sku)) {
                    AllotmentCount before = storedPools.getOrDefault(pool.id(), AllotmentCount.EMPTY);
                    AllotmentCount after = countedPools.getOrDefault(pool.id(), AllotmentCount.EMPTY);
                    if (!after.equals(before)) {
                        allotments.save(tenant, pool.id(), after);
                        auditCorrection(caller, pool, before, after);
                    }
                }
            }
        }
        return differences;
    }

    /**
     * What {@link #recount} reports in a dry run, from the holders and waiting users that the parts of a dry run
     * counted as they read every user, with the figures, in one consistent read: no second reading of the assignments.
     */
    List<LicenseDifference> compare(SeatTally tally) {
        List<LicenseDifference> differences = new ArrayList<>();
        new TreeMap<>(tally.figures()).forEach((sku, stored) -> {
            SeatCount counted = stored.withConsumed(tally.holding(sku)).withWaiting(tally.waiting(sku));
            differences.addAll(
                    differences(sku, stored, counted, tally.book(), tally.poolFigures(), tally.poolCounts(), false));
        });
        return differences;
    }

    private static List<LicenseDifference> differences(
            SkuId sku,
            SeatCount stored,
            SeatCount counted,
            PoolBook book,
            Map<AllotmentId, AllotmentCount> storedPools,
            Map<AllotmentId, AllotmentCount> countedPools,
            boolean repair) {
        List<LicenseDifference> differences = new ArrayList<>();
        if (counted.consumed() != stored.consumed()) {
            differences.add(LicenseDifference.ofSeats(
                    LicenseDifference.Kind.ConsumedUnits, sku, counted.consumed(), stored.consumed(), repair));
        }
        if (counted.waiting() != stored.waiting()) {
            differences.add(LicenseDifference.ofSeats(
                    LicenseDifference.Kind.WaitingUnits, sku, counted.waiting(), stored.waiting(), repair));
        }
        if (!book.pooled(sku)) {
            if (owed(counted) > 0) {
                differences.add(waitingWhileFree(sku, counted, repair));
            }
            return differences;
        }
        for (Allotment pool : book.of(sku)) {
            AllotmentCount s = storedPools.getOrDefault(pool.id(), AllotmentCount.EMPTY);
            AllotmentCount c = countedPools.getOrDefault(pool.id(), AllotmentCount.EMPTY);
            if (c.consumed() != s.consumed()) {
                differences.add(LicenseDifference.ofPool(
                        LicenseDifference.Kind.AllotmentConsumedUnits, sku, pool, c.consumed(), s.consumed(), repair));
            }
            if (c.waiting() != s.waiting()) {
                differences.add(LicenseDifference.ofPool(
                        LicenseDifference.Kind.AllotmentWaitingUnits, sku, pool, c.waiting(), s.waiting(), repair));
            }
        }
        PoolFigures buckets = PoolFigures.of(sku, null, book, counted, countedPools);
        List<PoolFigures.Pool> all = new ArrayList<>(buckets.pools());
        all.add(buckets.remainder());
        for (PoolFigures.Pool bucket : all) {
            int owed =
                    PoolSeats.owed(counted, new PoolSeats.Bucket(bucket.seats(), bucket.consumed(), bucket.waiting()));
            if (owed > 0) {
                differences.add(LicenseDifference.ofPool(
                        LicenseDifference.Kind.WaitingWhileSeatsFree,
                        sku,
                        bucket.allotment(),
                        NOBODY_WAITS,
                        bucket.waiting() + " waiting, " + Math.min(bucket.available(), counted.available()) + " free "
                                + (bucket.allotment() == null
                                        ? "in no allotment"
                                        : "in allotment " + bucket.allotment().displayName()),
                        repair));
            }
        }
        return differences;
    }

    /**
     * Serves every waiting list that has free seats, as when seats are added to a subscription: a repair's last step
     * (the recount reported them), under the tenant's licensing lock shared.
     */
    void serveWaiting(Caller caller) {
        locks.share(caller.tenant());
        Reconciler.Work work = reconciler.begin(caller.as(Actor.GROUP_BASED_LICENSING));
        new TreeMap<>(seats.all(caller.tenant())).forEach((sku, count) -> {
            if (owed(count) > 0) {
                work.ledger.count(sku);
            }
        });
        reconciler.finish(work);
    }

    private static int owed(SeatCount count) {
        return Math.min(count.available(), count.waiting());
    }

    private static LicenseDifference waitingWhileFree(SkuId sku, SeatCount count, boolean repaired) {
        return LicenseDifference.ofSeats(
                LicenseDifference.Kind.WaitingWhileSeatsFree,
                sku,
                NOBODY_WAITS,
                count.waiting() + " waiting, " + count.available() + " free",
                repaired);
    }

    private void auditCorrection(Caller caller, Allotment pool, AllotmentCount stored, AllotmentCount counted) {
        Catalog products = catalog.forTenant(caller.tenant());
        auditRepair(
                caller,
                List.of(
                        AuditTarget.other("Allotment", pool.id(), pool.displayName()),
                        AuditTarget.other("SubscribedSku", pool.sku(), products.productLabel(pool.sku()))),
                changes(stored.consumed(), counted.consumed(), stored.waiting(), counted.waiting()));
    }

    private void auditCorrection(Caller caller, SkuId sku, SeatCount stored, SeatCount counted) {
        Catalog products = catalog.forTenant(caller.tenant());
        auditRepair(
                caller,
                List.of(AuditTarget.other(
                        "SubscribedSku",
                        sku,
                        products.find(sku).map(Product::skuPartNumber).orElse(sku.toString()))),
                changes(stored.consumed(), counted.consumed(), stored.waiting(), counted.waiting()));
    }

    /** The audit record of a repair of stored seat figures: what was repaired and the figures it changed. */
    private void auditRepair(Caller caller, List<AuditTarget> targets, List<PropertyChange> changes) {
        audit.append(AuditEvent.of(caller, clock.instant(), Activity.REPAIR_LICENSE_STATE, targets, changes));
    }

    /** The figures a repair changed: holders and waiting users, each only when it differed. */
    private static List<PropertyChange> changes(int storedConsumed, int consumed, int storedWaiting, int waiting) {
        List<PropertyChange> changes = new ArrayList<>();
        if (storedConsumed != consumed) {
            changes.add(PropertyChange.of("consumedUnits", storedConsumed, consumed));
        }
        if (storedWaiting != waiting) {
            changes.add(PropertyChange.of("waitingUnits", storedWaiting, waiting));
        }
        return changes;
    }
}
