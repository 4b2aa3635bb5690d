package org.allot.core.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.allot.core.assignment.AssignmentChecks.Failure;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/**
 * One evaluation of one user's assignments, in the steps {@link LicensingEngine#evaluate} names: each assignment on
 * its own, exclusions, seats, dependencies, then the ledger's waiting lists and each assignment's outcome. Used once.
 * What refuses a single assignment is {@link AssignmentChecks}'s to say; this class keeps what the steps hand on to
 * each other and takes and gives back seats.
 */
final class Evaluation {
    private final LicenseSubject subject;
    private final LicensingEngine.Context context;
    private final SeatLedger ledger;
    private final Catalog catalog;
    private final AssignmentChecks checks;
    /** SKUs whose seat the user held before, and SKUs they waited for without holding a seat. */
    private final Set<SkuId> heldBefore = new HashSet<>();

    private final Set<SkuId> waitingBefore = new HashSet<>();
    private final Map<LicenseAssignment.Key, PlanFacts.Facts> facts = new HashMap<>();
    private final Map<LicenseAssignment.Key, Set<ServicePlanId>> enabled = new HashMap<>();
    private final Map<LicenseAssignment.Key, Failure> failures = new HashMap<>();
    /** Per SKU, the assignments still in the running for a seat. */
    private final Map<SkuId, List<LicenseAssignment>> candidates = new TreeMap<>();

    private final Set<SkuId> seated = new HashSet<>();
    private final Set<SkuId> waitingNow = new HashSet<>();
    /** SKUs whose seat the user held and gives back ({@link SeatLedger#giveUp}): they wait, keeping their place. */
    private final Set<SkuId> takenBack = new HashSet<>();

    /** SKUs held only after their removal that lose their seat: they go rather than wait, and never come back. */
    private final Set<SkuId> removed = new HashSet<>();

    private Map<LicenseAssignment.Key, Set<ServicePlanId>> unmet = Map.of();
    private final PoolDraw draw;

    Evaluation(
            LicenseSubject subject,
            List<LicenseAssignment> before,
            LicensingEngine.Context context,
            SeatLedger ledger) {
        this.subject = subject;
        this.context = context;
        this.ledger = ledger;
        this.catalog = context.catalog();
        this.checks = new AssignmentChecks(subject, context);
        for (LicenseAssignment a : before) {
            if (a.holdsSeat()) {
                heldBefore.add(a.sku());
            } else if (a.isWaiting()) {
                waitingBefore.add(a.sku());
            }
        }
        waitingBefore.removeAll(heldBefore);
        this.draw = new PoolDraw(subject, before, context, ledger);
    }

    List<LicenseAssignment> run(List<LicenseAssignment> assignments) {
        if (subject.deleted()) {
            return frozen(assignments);
        }
        checkEachAlone(assignments);
        resolveExclusions(assignments);
        takeSeats();
        dropWhatCannotWork();
        settleLedger();
        return outcomes(assignments);
    }

    /** Step 1: each assignment on its own ({@link AssignmentChecks#alone}); those that pass go on with their plans. */
    private void checkEachAlone(List<LicenseAssignment> assignments) {
        for (LicenseAssignment a : assignments) {
            PlanFacts.Facts f = context.facts(a);
            facts.put(a.key(), f);
            Optional<Failure> failure = checks.alone(a, f);
            if (failure.isPresent()) {
                failures.put(a.key(), failure.get());
            } else {
                enabled.put(a.key(), f.enabled());
            }
        }
    }

    /**
     * Step 2: plans that exclude each other. SKUs the user already holds win (but for one held only after its
     * removal, which yields to all), then the earlier request; what is left becomes the candidates for a seat.
     */
    private void resolveExclusions(List<LicenseAssignment> assignments) {
        Map<SkuId, Set<ServicePlanId>> acceptedBySku = new HashMap<>();
        List<LicenseAssignment> ordered = new ArrayList<>(assignments);
        ordered.removeIf(a -> failures.containsKey(a.key()));
        // a license held after its removal yields to every other: a product that excludes it frees it at once
        ordered.sort(Comparator.comparing(LicenseAssignment::isPendingRemoval)
                .thenComparing((LicenseAssignment a) -> !heldBefore.contains(a.sku()))
                .thenComparing(LicenseAssignment::requestedAt)
                .thenComparing(LicenseAssignment::sku)
                .thenComparing(LicenseAssignment::source));
        for (LicenseAssignment a : ordered) {
            Optional<Failure> conflict = checks.conflict(a, facts.get(a.key()), acceptedBySku);
            if (conflict.isPresent()) {
                failures.put(a.key(), conflict.get());
            } else {
                acceptedBySku.merge(a.sku(), enabled.get(a.key()), Evaluation::union);
                candidates.computeIfAbsent(a.sku(), s -> new ArrayList<>()).add(a);
            }
        }
    }

    /**
     * The plans of two sources of a SKU together. A SKU mostly has one source, whose (immutable) set of plans is
     * then used as it is: copying some ninety plans per user was most of the cost of evaluating a large tenant.
     */
    private static Set<ServicePlanId> union(Set<ServicePlanId> some, Set<ServicePlanId> others) {
        Set<ServicePlanId> all = new HashSet<>(some);
        all.addAll(others);
        return all;
    }

    /**
     * Step 3: a SKU the user holds keeps its seat, unless capacity takes it back ({@link SeatLedger#giveUp}: then
     * the user waits); any other takes one from the ledger or waits (CountViolation). A license held only after its
     * removal never waits: without its seat the removal goes ahead.
     */
    private void takeSeats() {
        for (SkuId sku : candidates.keySet()) {
            boolean seat;
            List<LicenseAssignment> running = candidates.get(sku);
            if (heldBefore.contains(sku) && ledger.givesUp(sku, subject.id())) {
                takenBack.add(sku);
                draw.waitAfterTakeBack(sku, running);
                seat = false;
            } else if (heldBefore.contains(sku)) {
                draw.keep(sku, running);
                seat = true;
            } else {
                seat = draw.take(sku, running, waitingBefore.contains(sku));
            }
            if (!seat && candidates.get(sku).stream().allMatch(LicenseAssignment::isPendingRemoval)) {
                removed.add(sku); // held after its removal and now without a seat: the removal goes ahead
                continue;
            }
            (seat ? seated : waitingNow).add(sku);
        }
    }

    /**
     * Step 4: dependencies over the plans the user ends up with. An assignment none of whose plans can work is in
     * error and, when it was its SKU's last, gives the seat back; that may leave others short, so this repeats until
     * nothing more drops. What remains with some plans unmet is ActiveWithError.
     */
    private void dropWhatCannotWork() {
        boolean dropped;
        do {
            unmet = LicensingEngine.unmetPlans(
                    seatedRows(),
                    k -> facts.get(k).requiredByOthers(),
                    k -> facts.get(k).withRequirements(),
                    catalog.rules());
            dropped = false;
            for (SkuId sku : new ArrayList<>(seated)) {
                List<LicenseAssignment> rows = candidates.get(sku);
                for (LicenseAssignment a : new ArrayList<>(rows)) {
                    if (unmet.get(a.key()).containsAll(enabled.get(a.key()))) {
                        failures.put(a.key(), checks.dependencies(unmet.get(a.key())));
                        rows.remove(a);
                        dropped = true;
                    }
                }
                if (rows.isEmpty()) {
                    candidates.remove(sku);
                    seated.remove(sku);
                    if (!heldBefore.contains(sku)) {
                        ledger.release(sku, draw.seat(sku));
                    }
                }
            }
        } while (dropped);
    }

    private List<LicenseAssignment> seatedRows() {
        List<LicenseAssignment> rows = new ArrayList<>();
        candidates.forEach((sku, list) -> {
            if (seated.contains(sku)) {
                rows.addAll(list);
            }
        });
        return rows;
    }

    /** Seats held before and no longer go back; waiting lists are left and joined as the user's SKUs moved. */
    private void settleLedger() {
        for (SkuId sku : heldBefore) {
            if (!seated.contains(sku)) {
                ledger.release(sku, draw.seat(sku));
            }
        }
        for (SkuId sku : waitingBefore) {
            if (!waitingNow.contains(sku) || draw.waitMoved(sku)) {
                ledger.leaveQueue(sku, draw.waitBefore(sku));
            }
        }
        for (SkuId sku : waitingNow) {
            if (!waitingBefore.contains(sku) || draw.waitMoved(sku)) {
                ledger.joinQueue(sku, draw.waitNow(sku));
            }
        }
    }

    /** Each assignment's state, error and reason, in the order given. */
    private List<LicenseAssignment> outcomes(List<LicenseAssignment> assignments) {
        List<LicenseAssignment> result = new ArrayList<>(assignments.size());
        for (LicenseAssignment a : assignments) {
            Failure failure = failures.get(a.key());
            if ((failure != null || removed.contains(a.sku())) && a.isPendingRemoval()) {
                continue; // held after its removal and no longer possible or seated: it goes, and its seat with it
            }
            if (failure != null) {
                result.add(outcome(a, AssignmentState.Error, failure.error(), failure.reason(), null));
            } else if (waitingNow.contains(a.sku())) {
                boolean reduced = takenBack.contains(a.sku()) || (a.isWaiting() && Reasons.isSeatsReduced(a.reason()));
                String product = catalog.productLabel(a.sku());
                String reason = reduced ? Reasons.seatsReduced(product) : Reasons.noSeat(product);
                result.add(outcome(
                        a, AssignmentState.Error, AssignmentError.CountViolation, reason, draw.waitNow(a.sku())));
            } else if (unmet.get(a.key()).isEmpty()) {
                result.add(outcome(a, AssignmentState.Active, null, null, draw.seat(a.sku())));
            } else {
                result.add(outcome(
                        a,
                        AssignmentState.ActiveWithError,
                        AssignmentError.DependencyViolation,
                        checks.dependencies(unmet.get(a.key())).reason(),
                        draw.seat(a.sku())));
            }
        }
        return result;
    }

    /** A deleted user keeps the seats they hold and leaves every waiting list. */
    private List<LicenseAssignment> frozen(List<LicenseAssignment> assignments) {
        waitingBefore.forEach(sku -> ledger.leaveQueue(sku, draw.waitBefore(sku)));
        Set<SkuId> heldAfter = new HashSet<>();
        List<LicenseAssignment> result = new ArrayList<>();
        for (LicenseAssignment a : assignments) {
            if (a.holdsSeat() && heldBefore.contains(a.sku()) && !ledger.givesUp(a.sku(), subject.id())) {
                heldAfter.add(a.sku());
                result.add(a);
            } else {
                result.add(outcome(a, AssignmentState.Error, AssignmentError.Other, Reasons.USER_DELETED, null));
            }
        }
        heldBefore.stream().filter(sku -> !heldAfter.contains(sku)).forEach(sku -> ledger.release(sku, draw.seat(sku)));
        return result;
    }

    private LicenseAssignment outcome(
            LicenseAssignment a, AssignmentState state, AssignmentError error, String reason, AllotmentId pool) {
        boolean entersQueue = error == AssignmentError.CountViolation && !a.isWaiting();
        // a seat taken back keeps the request's time: the user waits ahead of anyone who asked later
        Instant requested = entersQueue && !takenBack.contains(a.sku()) ? context.now() : a.requestedAt();
        LicenseAssignment candidate =
                a.withOutcome(state, error, reason, requested, a.updatedAt()).withPool(pool);
        boolean unchanged = a.state() != null && a.sameOutcome(candidate) && !entersQueue;
        return unchanged
                ? a
                : a.withOutcome(state, error, reason, requested, context.now()).withPool(pool);
    }
}
