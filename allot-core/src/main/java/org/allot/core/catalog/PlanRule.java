package org.allot.core.catalog;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.directory.UsageLocation;

/**
 * A constraint on a service plan.
 *
 * <ul>
 *   <li>{@link Kind#REQUIRES}: the plan works only when the user also has at least one of {@code plans};
 *   <li>{@link Kind#EXCLUDES}: the plan cannot be combined with any of {@code plans} (both ways);
 *   <li>{@link Kind#PROHIBITED_IN}: the plan cannot be used in any of {@code locations}.
 * </ul>
 *
 * @param builtIn whether Allot ships the rule (true) or a tenant defined it
 */
public record PlanRule(
        UUID id,
        Kind kind,
        ServicePlanId plan,
        Set<ServicePlanId> plans,
        Set<UsageLocation> locations,
        String note,
        boolean builtIn) {

    public enum Kind {
        REQUIRES,
        EXCLUDES,
        PROHIBITED_IN
    }

    public PlanRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plan, "plan");
        plans = Set.copyOf(plans);
        locations = Set.copyOf(locations);
        if (kind == Kind.PROHIBITED_IN ? locations.isEmpty() : plans.isEmpty()) {
            throw new IllegalArgumentException(kind + " rule for " + plan + " names nothing");
        }
        if (plans.contains(plan)) {
            throw new IllegalArgumentException("a plan cannot require or exclude itself: " + plan);
        }
    }

    public static PlanRule requires(ServicePlanId plan, Set<ServicePlanId> anyOf) {
        return new PlanRule(UUID.randomUUID(), Kind.REQUIRES, plan, anyOf, Set.of(), null, false);
    }

    public static PlanRule excludes(ServicePlanId plan, Set<ServicePlanId> others) {
        return new PlanRule(UUID.randomUUID(), Kind.EXCLUDES, plan, others, Set.of(), null, false);
    }

    public static PlanRule prohibitedIn(ServicePlanId plan, Set<UsageLocation> locations) {
        return new PlanRule(UUID.randomUUID(), Kind.PROHIBITED_IN, plan, Set.of(), locations, null, false);
    }
}
