package org.allot.core.assignment;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.UserId;

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
        private final RemovalGrace grace;
        private PoolBook pools = PoolBook.EMPTY;
        private Function<UserId, Set<UUID>> units = user -> Set.of();

        public Context(Catalog catalog, UsageLocation defaultLocation, TenantPolicy policy, Instant now) {
            this(catalog, defaultLocation, policy, now, RemovalGrace.NONE);
        }

        /** A context whose removals are held as {@code grace} says. */
        public Context(
                Catalog catalog, UsageLocation defaultLocation, TenantPolicy policy, Instant now, RemovalGrace grace) {
            this.grace = Objects.requireNonNull(grace, "grace");
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

        /**
         * This context with the tenant's pools and a way to ask which administrative units a user is a member of (asked
         * only for a SKU one of whose pools a unit owns): set once, by whoever makes the context.
         */
        Context withPools(PoolBook book, Function<UserId, Set<UUID>> unitsOf) {
            this.pools = Objects.requireNonNull(book);
            this.units = Objects.requireNonNull(unitsOf);
            return this;
        }

        PoolBook pools() {
            return pools;
        }

        Set<UUID> unitsOf(UserId user) {
            return units.apply(user);
        }

        /** What {@code change} makes of a user's assignments, with removals held ({@link RemovalGrace#apply}). */
        List<LicenseAssignment> wanted(LicenseSubject subject, List<LicenseAssignment> current, Change change) {
            return grace.apply(subject, current, change, now);
        }

        PlanFacts.Facts facts(LicenseAssignment a) {
            return facts.of(a.sku(), a.disabledPlans());
        }
    }

    /**
     * Evaluates the assignments the user should have ({@code assignments}; new ones have no state yet), given the
     * ones they had ({@code before}), and records seat changes in the ledger: the steps above, in order (see
     * {@link Evaluation}). A deleted user keeps the seats they hold and leaves every waiting list.
     */
    public List<LicenseAssignment> evaluate(
            LicenseSubject subject,
            List<LicenseAssignment> before,
            List<LicenseAssignment> assignments,
            Context context,
            SeatLedger ledger) {
        return new Evaluation(subject, before, context, ledger).run(assignments);
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
    static Map<LicenseAssignment.Key, Set<ServicePlanId>> unmetPlans(
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
}
