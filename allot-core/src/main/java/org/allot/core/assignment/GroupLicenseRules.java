package org.allot.core.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/**
 * What a group's set of licenses must satisfy on its own: an add-on comes with its prerequisite in the same group,
 * and no two of its licenses hold plans that exclude each other.
 */
final class GroupLicenseRules {
    private GroupLicenseRules() {}

    static Optional<Rejection> check(List<GroupLicense> licenses, Catalog catalog) {
        PlanRuleSet rules = catalog.rules();
        Map<SkuId, Set<ServicePlanId>> enabled = new TreeMap<>();
        Set<ServicePlanId> all = new HashSet<>();
        for (GroupLicense l : licenses) {
            Product product = catalog.find(l.license().skuId()).orElseThrow();
            Set<ServicePlanId> plans = product.enabledPlans(l.license().disabledPlans());
            enabled.put(product.skuId(), plans);
            all.addAll(plans);
        }
        for (Map.Entry<SkuId, Set<ServicePlanId>> e : enabled.entrySet()) {
            for (ServicePlanId plan : e.getValue()) {
                Optional<Set<ServicePlanId>> unmet = rules.unmetRequirement(plan, all);
                if (unmet.isPresent()) {
                    return Optional.of(Rejection.of(
                            ErrorCode.DEPENDENCY_VIOLATION,
                            "License operation failed. Make sure that the group has necessary services before adding"
                                    + " or removing a dependent service. The service %s requires %s%s to be enabled"
                                    + " as well.",
                            catalog.planLabel(plan),
                            unmet.get().size() > 1 ? "one of " : "",
                            String.join(
                                    ", ",
                                    unmet.get().stream()
                                            .sorted()
                                            .map(catalog::planLabel)
                                            .toList())));
                }
            }
            Optional<PlanRuleSet.Clash> clash = rules.firstClash(e.getKey(), e.getValue(), enabled);
            if (clash.isPresent()) {
                return Optional.of(Rejection.of(
                        ErrorCode.MUTUALLY_EXCLUSIVE_VIOLATION,
                        "License operation failed. %s of %s cannot be combined with %s of %s in the same group:"
                                + " switch one of them off.",
                        catalog.planLabel(clash.get().plan()),
                        catalog.productLabel(e.getKey()),
                        catalog.planLabel(clash.get().other()),
                        catalog.productLabel(clash.get().otherSku())));
            }
        }
        return Optional.empty();
    }
}
