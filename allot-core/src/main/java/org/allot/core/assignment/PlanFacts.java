package org.allot.core.assignment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/**
 * What the engine needs to know about a SKU with some plans switched off: the plans that are on, and among them
 * the few that carry rules. Members of a group share a handful of such combinations, so a unit of work works each
 * out once instead of once per user.
 */
final class PlanFacts {
    /** The facts of one (SKU, disabled plans) combination; {@code product} is null for a SKU not in the catalogue. */
    record Facts(
            Product product,
            Set<ServicePlanId> enabled,
            List<ServicePlanId> withRequirements,
            List<ServicePlanId> withExclusions,
            List<ServicePlanId> withLocationRules,
            List<ServicePlanId> requiredByOthers) {}

    private record Key(SkuId sku, Set<ServicePlanId> disabled) {}

    private final Catalog catalog;
    private final Map<Key, Facts> facts = new HashMap<>();

    PlanFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    Facts of(SkuId sku, Set<ServicePlanId> disabled) {
        return facts.computeIfAbsent(new Key(sku, disabled), this::work);
    }

    private Facts work(Key key) {
        Product product = catalog.find(key.sku()).orElse(null);
        if (product == null) {
            return new Facts(null, Set.of(), List.of(), List.of(), List.of(), List.of());
        }
        PlanRuleSet rules = catalog.rules();
        Set<ServicePlanId> enabled = new LinkedHashSet<>(product.enabledPlans(key.disabled()));
        return new Facts(
                product,
                Set.copyOf(enabled),
                enabled.stream().filter(rules::hasRequirements).toList(),
                enabled.stream().filter(rules::hasExclusions).toList(),
                enabled.stream().filter(rules::hasLocationRules).toList(),
                enabled.stream().filter(rules::isRequired).toList());
    }
}
