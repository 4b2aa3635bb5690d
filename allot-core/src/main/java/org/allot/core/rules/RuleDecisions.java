package org.allot.core.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.assignment.UserLicenses;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * The reading half of {@link RuleMemberships}: who the rules of dynamic groups would bring into each group and take
 * out of it, from the users, their current memberships and (for rules that read them) their active plans. It writes
 * nothing; {@link RuleMemberships} writes and audits the difference.
 */
final class RuleDecisions {
    /** Warnings go out under the use case's name, as operators know it. */
    private static final System.Logger LOG = System.getLogger(RuleMemberships.class.getName());

    private final DynamicGroups store;
    private final Assignments assignments;
    private final ProductCatalog catalog;

    RuleDecisions(DynamicGroups store, Assignments assignments, ProductCatalog catalog) {
        this.store = Objects.requireNonNull(store);
        this.assignments = Objects.requireNonNull(assignments);
        this.catalog = Objects.requireNonNull(catalog);
    }

    /**
     * Who the rules would bring into each group and take out of it, per group where anything would change. Each user's
     * evaluation is capped ({@link RuleBudget#STEPS_PER_USER}): a user whose evaluation runs out keeps their
     * membership as it was, and a warning names the group and the condition, so a costly rule cannot hold a worker.
     */
    Map<GroupId, Moves> decide(TenantId tenant, List<User> users, List<DynamicGroup> groups) {
        if (users.isEmpty() || groups.isEmpty()) {
            return Map.of();
        }
        Map<UserId, Set<ServicePlanId>> plans =
                groups.stream().anyMatch(g -> g.rule().readsAssignedPlans()) ? plansOf(tenant, users) : Map.of();
        Map<GroupId, Set<UserId>> members = store.members(
                tenant,
                groups.stream().map(DynamicGroup::id).toList(),
                users.stream().map(User::id).toList());
        Map<GroupId, Moves> result = new LinkedHashMap<>();
        RuleBudget budget = RuleBudget.forBackground();
        for (DynamicGroup group : groups) {
            Set<UserId> current = members.getOrDefault(group.id(), Set.of());
            Set<UserId> joined = new TreeSet<>();
            Set<UserId> left = new TreeSet<>();
            int undecided = 0;
            RuleBudget.Exhausted last = null;
            for (User user : users) {
                boolean matches;
                try {
                    matches = group.rule().matches(user, plans.getOrDefault(user.id(), Set.of()), budget);
                } catch (RuleBudget.Exhausted e) {
                    undecided++;
                    last = e;
                    continue;
                }
                if (matches != current.contains(user.id())) {
                    (matches ? joined : left).add(user.id());
                }
            }
            if (last != null) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Dynamic group {0} of tenant {1}: {2} user(s) keep their membership as it was, because"
                                + " evaluating the rule for them ran out of budget. {3}",
                        group.id(),
                        tenant,
                        undecided,
                        last.problem().message());
            }
            if (!joined.isEmpty() || !left.isEmpty()) {
                result.put(group.id(), new Moves(joined, left));
            }
        }
        return result;
    }

    /** Each user's active plans, as the licensing engine's view of their licenses has them. */
    Map<UserId, Set<ServicePlanId>> plansOf(TenantId tenant, List<User> users) {
        Catalog products = catalog.forTenant(tenant);
        Map<UserId, List<LicenseAssignment>> rows =
                assignments.of(tenant, users.stream().map(User::id).toList());
        Map<UserId, Set<ServicePlanId>> plans = new HashMap<>();
        for (User user : users) {
            List<LicenseAssignment> own = rows.getOrDefault(user.id(), List.of());
            plans.put(
                    user.id(),
                    own.isEmpty() ? Set.of() : new UserLicenses(LicenseSubject.of(user), own).assignedPlans(products));
        }
        return plans;
    }
}
