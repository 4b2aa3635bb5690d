package org.allot.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allot.core.directory.UsageLocation;

/** The plan rules in force, indexed for the engine's questions. */
public final class PlanRuleSet {
    public static final PlanRuleSet NONE = new PlanRuleSet(List.of());

    /** A plan that cannot be combined with {@code other}, a plan of the SKU {@code otherSku}. */
    public record Clash(ServicePlanId plan, ServicePlanId other, SkuId otherSku) {}

    private final List<PlanRule> rules;
    private final Map<ServicePlanId, List<Set<ServicePlanId>>> requires = new HashMap<>();
    private final Map<ServicePlanId, Set<ServicePlanId>> excludes = new HashMap<>();
    private final Map<ServicePlanId, Set<UsageLocation>> prohibited = new HashMap<>();
    private final Set<ServicePlanId> required = new HashSet<>();

    public PlanRuleSet(Collection<PlanRule> rules) {
        this.rules = List.copyOf(rules);
        for (PlanRule rule : this.rules) {
            switch (rule.kind()) {
                case REQUIRES -> {
                    requires.computeIfAbsent(rule.plan(), p -> new ArrayList<>())
                            .add(rule.plans());
                    required.addAll(rule.plans());
                }
                case EXCLUDES ->
                    rule.plans().forEach(other -> {
                        excludes.computeIfAbsent(rule.plan(), p -> new HashSet<>())
                                .add(other);
                        excludes.computeIfAbsent(other, p -> new HashSet<>()).add(rule.plan());
                    });
                case PROHIBITED_IN ->
                    prohibited
                            .computeIfAbsent(rule.plan(), p -> new HashSet<>())
                            .addAll(rule.locations());
            }
        }
    }

    public List<PlanRule> rules() {
        return rules;
    }

    public PlanRuleSet plus(Collection<PlanRule> more) {
        List<PlanRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new PlanRuleSet(all);
    }

    /** The first requirement of {@code plan} that none of {@code available} meets, if any. */
    public Optional<Set<ServicePlanId>> unmetRequirement(ServicePlanId plan, Set<ServicePlanId> available) {
        for (Set<ServicePlanId> anyOf : requires.getOrDefault(plan, List.of())) {
            if (anyOf.stream().noneMatch(available::contains)) {
                return Optional.of(anyOf);
            }
        }
        return Optional.empty();
    }

    public boolean hasRequirements(ServicePlanId plan) {
        return requires.containsKey(plan);
    }

    /** Whether some rule requires this plan: only such plans matter when checking requirements. */
    public boolean isRequired(ServicePlanId plan) {
        return required.contains(plan);
    }

    public boolean hasExclusions(ServicePlanId plan) {
        return excludes.containsKey(plan);
    }

    public boolean hasLocationRules(ServicePlanId plan) {
        return prohibited.containsKey(plan);
    }

    /** The plans of {@code others} that cannot be combined with {@code plan}. */
    public Set<ServicePlanId> conflicts(ServicePlanId plan, Set<ServicePlanId> others) {
        Set<ServicePlanId> conflicts = new HashSet<>(excludes.getOrDefault(plan, Set.of()));
        conflicts.retainAll(others);
        return conflicts;
    }

    /**
     * The first of {@code plans} (of the SKU {@code sku}) that cannot be combined with a plan of another SKU of {@code
     * others}, looking at the other SKUs in the map's order and, for each, at {@code plans} in their order; of the
     * other SKU's plans it clashes with, the lowest.
     */
    public Optional<Clash> firstClash(
            SkuId sku, Collection<ServicePlanId> plans, Map<SkuId, Set<ServicePlanId>> others) {
        for (Map.Entry<SkuId, Set<ServicePlanId>> other : others.entrySet()) {
            if (other.getKey().equals(sku)) {
                continue;
            }
            for (ServicePlanId plan : plans) {
                Set<ServicePlanId> clashes = conflicts(plan, other.getValue());
                if (!clashes.isEmpty()) {
                    return Optional.of(new Clash(
                            plan, clashes.stream().sorted().findFirst().orElseThrow(), other.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    public boolean prohibitedIn(ServicePlanId plan, UsageLocation location) {
        return location != null && prohibited.getOrDefault(plan, Set.of()).contains(location);
    }
}
