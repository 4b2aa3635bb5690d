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
 * seat is free. A repair corrects the figures first, under each SKU's seat lock, because users repaired against a
 * wrong figure could be given seats that do not exist; and serves the waiting lists with free seats last.
 */
final class SeatCheck {
    private static final String NOBODY_WAITS = "nobody waiting while a seat is free";

    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Assignments assignments;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    SeatCheck(
            Reconciler reconciler,
            TenantLocks locks,
            Assignments assignments,
            Seats seats,
            ProductCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
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
        for (SkuId sku : figures.keySet()) {
            SeatCount stored = repair ? seats.lock(tenant, sku) : figures.get(sku);
            SeatCount counted = stored.withConsumed(assignments.countHolding(tenant, sku))
                    .withWaiting(assignments.countWaiting(tenant, sku));
            differences.addAll(differences(sku, stored, counted, repair));
            if (repair && !counted.equals(stored)) {
                seats.save(tenant, sku, counted);
                auditCorrection(caller, sku, stored, counted);
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
            differences.addAll(differences(sku, stored, counted, false));
        });
        return differences;
    }

    private static List<LicenseDifference> differences(SkuId sku, SeatCount stored, SeatCount counted, boolean repair) {
        List<LicenseDifference> differences = new ArrayList<>();
        if (counted.consumed() != stored.consumed()) {
            differences.add(LicenseDifference.ofSeats(
                    LicenseDifference.Kind.ConsumedUnits, sku, counted.consumed(), stored.consumed(), repair));
        }
        if (counted.waiting() != stored.waiting()) {
            differences.add(LicenseDifference.ofSeats(
                    LicenseDifference.Kind.WaitingUnits, sku, counted.waiting(), stored.waiting(), repair));
        }
        if (owed(counted) > 0) {
            differences.add(waitingWhileFree(sku, counted, repair));
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

    private void auditCorrection(Caller caller, SkuId sku, SeatCount stored, SeatCount counted) {
        Catalog products = catalog.forTenant(caller.tenant());
        List<PropertyChange> changes = new ArrayList<>();
        if (stored.consumed() != counted.consumed()) {
            changes.add(PropertyChange.of("consumedUnits", stored.consumed(), counted.consumed()));
        }
        if (stored.waiting() != counted.waiting()) {
            changes.add(PropertyChange.of("waitingUnits", stored.waiting(), counted.waiting()));
        }
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.REPAIR_LICENSE_STATE,
                AuditTarget.other(
                        "SubscribedSku",
                        sku,
                        products.find(sku).map(Product::skuPartNumber).orElse(sku.toString())),
                changes));
    }
}
