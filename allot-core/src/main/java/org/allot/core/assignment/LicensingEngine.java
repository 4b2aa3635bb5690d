package org.allot.core.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UsageLocation;

/**
 * Decides the state of every license assignment of a user: the one place where effective licenses are computed.
 *
 * <p>The decision depends only on the user, their assignments, the catalogue and its rules, the tenant's policy and
 * the seats the ledger grants, so evaluating again changes nothing: processing is idempotent.
 *
 * <ol>
 *   <li>Each assignment is checked on its own: the product exists; group assignments are not given to guests when
 *       the tenant blocks it and use the tenant's default usage location for users without one; no enabled plan is
 *       prohibited in the effective location.
 *   <li>Plans that exclude each other: SKUs the user already holds win, then the earlier request.
 *   <li>Seats: a SKU the user holds keeps its seat; any other takes one from the ledger or waits (CountViolation).
 *   <li>Dependencies over the plans the user ends up with: an assignment none of whose plans can work is in error
 *       and gives its seat back; one where only some plans lack their prerequisite is ActiveWithError.
 * </ol>
 */
public final class LicensingEngine {

    /** What an evaluation needs to know besides the user; one per unit of work. */
    public static final class Context {
        private final Catalog catalog;
        private final UsageLocation defaultLocation;
        private final TenantPolicy policy;
        private final Instant now;
        private final PlanFacts facts;

        public Context(Catalog catalog, UsageLocation defaultLocation, TenantPolicy policy, Instant now) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            this.defaultLocation = defaultLocation;
            this.policy = Objects.requireNonNull(policy, "policy");
            this.now = Objects.requireNonNull(now, "now");
            this.facts = new PlanFacts(catalog);
        }

        public Catalog catalog() {
            return catalog;
        }

        public UsageLocation defaultLocation() {
            return defaultLocation;
        }

        public TenantPolicy policy() {
            return policy;
        }

        public Instant now() {
            return now;
        }

        PlanFacts.Facts facts(LicenseAssignment a) {
            return facts.of(a.sku(), a.disabledPlans());
        }
    }

    private record Failure(AssignmentError error, String reason) {}

    /**
     * Evaluates the assignments the user should have ({@code assignments}; new ones have no state yet), given the
     * ones they had ({@code before}), and records seat changes in the ledger.
     */
    public List<LicenseAssignment> evaluate(
            LicenseSubject subject,
            List<LicenseAssignment> before,
            List<LicenseAssignment> assignments,
            Context context,
            SeatLedger ledger) {
        Set<SkuId> heldBefore = new HashSet<>();
        Set<SkuId> waitingBefore = new HashSet<>();
        for (LicenseAssignment a : before) {
            if (a.holdsSeat()) {
                heldBefore.add(a.sku());
            } else if (a.isWaiting()) {
                waitingBefore.add(a.sku());
            }
        }
        waitingBefore.removeAll(heldBefore);
        if (subject.deleted()) {
            return frozen(assignments, heldBefore, waitingBefore, context, ledger);
        }
        Catalog catalog = context.catalog();
        PlanRuleSet rules = catalog.rules();
        Map<LicenseAssignment.Key, Failure> failures = new HashMap<>();
        Map<LicenseAssignment.Key, Set<ServicePlanId>> enabled = new HashMap<>();

        Map<LicenseAssignment.Key, PlanFacts.Facts> facts = new HashMap<>();
        for (LicenseAssignment a : assignments) {
            PlanFacts.Facts f = context.facts(a);
            facts.put(a.key(), f);
            Optional<Failure> failure = f.product() == null
                    ? Optional.of(new Failure(AssignmentError.Other, Reasons.unknownProduct(a.sku())))
                    : checkAlone(subject, a, f, context);
            if (failure.isPresent()) {
                failures.put(a.key(), failure.get());
            } else {
                enabled.put(a.key(), f.enabled());
            }
        }

        Map<SkuId, Set<ServicePlanId>> acceptedBySku = new HashMap<>();
        Map<SkuId, List<LicenseAssignment>> candidates = new TreeMap<>();
        List<LicenseAssignment> ordered = new ArrayList<>(assignments);
        ordered.removeIf(a -> failures.containsKey(a.key()));
        ordered.sort(Comparator.comparing((LicenseAssignment a) -> !heldBefore.contains(a.sku()))
                .thenComparing(LicenseAssignment::requestedAt)
                .thenComparing(LicenseAssignment::sku)
                .thenComparing(LicenseAssignment::source));
        for (LicenseAssignment a : ordered) {
            Optional<Failure> conflict = conflict(a, facts.get(a.key()), acceptedBySku, catalog);
            if (conflict.isPresent()) {
                failures.put(a.key(), conflict.get());
            } else {
                acceptedBySku.merge(a.sku(), enabled.get(a.key()), LicensingEngine::union);
                candidates.computeIfAbsent(a.sku(), s -> new ArrayList<>()).add(a);
            }
        }

        Set<SkuId> seated = new HashSet<>();
        Set<SkuId> waitingNow = new HashSet<>();
        Map<LicenseAssignment.Key, Set<ServicePlanId>> unmet;
        boolean dropped;
        do {
            for (SkuId sku : candidates.keySet()) {
                if (seated.contains(sku) || waitingNow.contains(sku)) {
                    continue;
                }
                boolean seat =
                        heldBefore.contains(sku) || ledger.tryTake(sku, subject.id(), waitingBefore.contains(sku));
                (seat ? seated : waitingNow).add(sku);
            }
            unmet = unmetPlans(
                    seatedRows(candidates, seated),
                    k -> facts.get(k).requiredByOthers(),
                    k -> facts.get(k).withRequirements(),
                    rules);
            dropped = false;
            for (SkuId sku : new ArrayList<>(seated)) {
                List<LicenseAssignment> rows = candidates.get(sku);
                for (LicenseAssignment a : new ArrayList<>(rows)) {
                    if (unmet.get(a.key()).containsAll(enabled.get(a.key()))) {
                        failures.put(a.key(), dependencyFailure(unmet.get(a.key()), rules, catalog));
                        rows.remove(a);
                        dropped = true;
                    }
                }
                if (rows.isEmpty()) {
                    candidates.remove(sku);
                    seated.remove(sku);
                    if (!heldBefore.contains(sku)) {
                        ledger.release(sku);
                    }
                }
            }
        } while (dropped);

        for (SkuId sku : heldBefore) {
            if (!seated.contains(sku)) {
                ledger.release(sku);
            }
        }
        for (SkuId sku : waitingBefore) {
            if (!waitingNow.contains(sku)) {
                ledger.leaveQueue(sku);
            }
        }
        for (SkuId sku : waitingNow) {
            if (!waitingBefore.contains(sku)) {
                ledger.joinQueue(sku);
            }
        }

        List<LicenseAssignment> result = new ArrayList<>(assignments.size());
        for (LicenseAssignment a : assignments) {
            LicenseAssignment evaluated;
            Failure failure = failures.get(a.key());
            if (failure != null) {
                evaluated = outcome(a, AssignmentState.Error, failure.error(), failure.reason(), context);
            } else if (waitingNow.contains(a.sku())) {
                String reason = Reasons.noSeat(catalog.productLabel(a.sku()));
                evaluated = outcome(a, AssignmentState.Error, AssignmentError.CountViolation, reason, context);
            } else if (unmet.get(a.key()).isEmpty()) {
                evaluated = outcome(a, AssignmentState.Active, null, null, context);
            } else {
                evaluated = outcome(
                        a,
                        AssignmentState.ActiveWithError,
                        AssignmentError.DependencyViolation,
                        dependencyFailure(unmet.get(a.key()), rules, catalog).reason(),
                        context);
            }
            result.add(evaluated);
        }
        return result;
    }

    /**
     * For each assignment that holds a seat, the enabled plans whose prerequisites the user lacks, given the plans
     * all of them together provide. Used by evaluation and by views of a user's licenses.
     */
    public static Map<LicenseAssignment.Key, Set<ServicePlanId>> unmetPlans(
            List<LicenseAssignment> seatedRows,
            Map<LicenseAssignment.Key, Set<ServicePlanId>> enabled,
            PlanRuleSet rules) {
        return unmetPlans(
                seatedRows,
                k -> enabled.get(k).stream().filter(rules::isRequired).toList(),
                k -> enabled.get(k).stream().filter(rules::hasRequirements).toList(),
                rules);
    }

    /**
     * {@code providing}: of each assignment's enabled plans, those some rule requires; {@code constrained}: those that
     * require others. Both are a few plans of a product's dozens, worked out once per combination ({@link PlanFacts}).
     */
    private static Map<LicenseAssignment.Key, Set<ServicePlanId>> unmetPlans(
            List<LicenseAssignment> seatedRows,
            Function<LicenseAssignment.Key, List<ServicePlanId>> providing,
            Function<LicenseAssignment.Key, List<ServicePlanId>> constrained,
            PlanRuleSet rules) {
        Map<LicenseAssignment.Key, Set<ServicePlanId>> unmet = new HashMap<>();
        boolean anyConstrained = false;
        for (LicenseAssignment a : seatedRows) {
            unmet.put(a.key(), new LinkedHashSet<>());
            anyConstrained |= !constrained.apply(a.key()).isEmpty();
        }
        if (!anyConstrained) {
            return unmet;
        }
        boolean grew;
        do {
            Set<ServicePlanId> available = new HashSet<>();
            for (LicenseAssignment a : seatedRows) {
                for (ServicePlanId plan : providing.apply(a.key())) {
                    if (!unmet.get(a.key()).contains(plan)) {
                        available.add(plan);
                    }
                }
            }
            grew = false;
            for (LicenseAssignment a : seatedRows) {
                for (ServicePlanId plan : constrained.apply(a.key())) {
                    if (!unmet.get(a.key()).contains(plan)
                            && rules.unmetRequirement(plan, available).isPresent()) {
                        unmet.get(a.key()).add(plan);
                        grew = true;
                    }
                }
            }
        } while (grew);
        return unmet;
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

    private static List<LicenseAssignment> seatedRows(
            Map<SkuId, List<LicenseAssignment>> candidates, Set<SkuId> seated) {
        List<LicenseAssignment> rows = new ArrayList<>();
        candidates.forEach((sku, list) -> {
            if (seated.contains(sku)) {
                rows.addAll(list);
            }
        });
        return rows;
    }

    private static Optional<Failure> checkAlone(
            LicenseSubject subject, LicenseAssignment a, PlanFacts.Facts facts, Context context) {
        UsageLocation location = subject.usageLocation();
        if (!a.source().isDirect()) {
            if (subject.isGuest() && context.policy().guestLicensing() == GuestLicensing.BLOCK) {
                return Optional.of(new Failure(AssignmentError.Other, Reasons.GUEST_BLOCKED));
            }
            if (location == null) {
                location = context.defaultLocation();
            }
            if (location == null) {
                return Optional.of(new Failure(AssignmentError.Other, Reasons.NO_USAGE_LOCATION));
            }
        }
        for (ServicePlanId plan : facts.withLocationRules()) {
            if (context.catalog().rules().prohibitedIn(plan, location)) {
                return Optional.of(new Failure(
                        AssignmentError.ProhibitedInUsageLocationViolation,
                        Reasons.prohibited(context.catalog().planLabel(plan), location)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Failure> conflict(
            LicenseAssignment a, PlanFacts.Facts facts, Map<SkuId, Set<ServicePlanId>> acceptedBySku, Catalog catalog) {
        if (facts.withExclusions().isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<SkuId, Set<ServicePlanId>> other : acceptedBySku.entrySet()) {
            if (other.getKey().equals(a.sku())) {
                continue;
            }
            for (ServicePlanId plan : facts.withExclusions()) {
                Set<ServicePlanId> clashes = catalog.rules().conflicts(plan, other.getValue());
                if (!clashes.isEmpty()) {
                    ServicePlanId clash = clashes.stream().sorted().findFirst().orElseThrow();
                    return Optional.of(new Failure(
                            AssignmentError.MutuallyExclusiveViolation,
                            Reasons.exclusive(
                                    catalog.planLabel(plan),
                                    catalog.planLabel(clash),
                                    catalog.productLabel(other.getKey()))));
                }
            }
        }
        return Optional.empty();
    }

    private static Failure dependencyFailure(Set<ServicePlanId> unmetPlans, PlanRuleSet rules, Catalog catalog) {
        List<String> parts = new ArrayList<>();
        for (ServicePlanId plan : unmetPlans) {
            Set<ServicePlanId> needs = rules.unmetRequirement(plan, Set.of()).orElse(Set.of());
            parts.add(Reasons.needs(
                    catalog.planLabel(plan),
                    needs.stream().sorted().map(catalog::planLabel).toList()));
        }
        return new Failure(AssignmentError.DependencyViolation, String.join(" ", parts));
    }

    /** A deleted user keeps the seats they hold and leaves every waiting list. */
    private static List<LicenseAssignment> frozen(
            List<LicenseAssignment> assignments,
            Set<SkuId> heldBefore,
            Set<SkuId> waitingBefore,
            Context context,
            SeatLedger ledger) {
        waitingBefore.forEach(ledger::leaveQueue);
        Set<SkuId> heldAfter = new HashSet<>();
        List<LicenseAssignment> result = new ArrayList<>();
        for (LicenseAssignment a : assignments) {
            if (a.holdsSeat() && heldBefore.contains(a.sku())) {
                heldAfter.add(a.sku());
                result.add(a);
            } else {
                result.add(outcome(a, AssignmentState.Error, AssignmentError.Other, Reasons.USER_DELETED, context));
            }
        }
        heldBefore.stream().filter(sku -> !heldAfter.contains(sku)).forEach(ledger::release);
        return result;
    }

    private static LicenseAssignment outcome(
            LicenseAssignment a, AssignmentState state, AssignmentError error, String reason, Context context) {
        boolean entersQueue = error == AssignmentError.CountViolation && !a.isWaiting();
        Instant requested = entersQueue ? context.now() : a.requestedAt();
        LicenseAssignment candidate = a.withOutcome(state, error, reason, requested, a.updatedAt());
        boolean unchanged = a.state() != null && a.sameOutcome(candidate) && !entersQueue;
        return unchanged ? a : a.withOutcome(state, error, reason, requested, context.now());
    }
}
