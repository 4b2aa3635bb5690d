package org.allot.core.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A product (SKU) whose seats are bought through subscriptions, with the service plans it contains. Built-in
 * products come from the Microsoft 365 catalogue; custom products are defined by a tenant.
 */
public record Product(
        SkuId skuId,
        String skuPartNumber,
        String displayName,
        AppliesTo appliesTo,
        List<ServicePlan> servicePlans,
        boolean custom) {

    public Product {
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(skuPartNumber, "skuPartNumber");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(appliesTo, "appliesTo");
        servicePlans = List.copyOf(servicePlans);
    }

    public boolean hasPlan(ServicePlanId id) {
        return servicePlans.stream().anyMatch(p -> p.id().equals(id));
    }

    public Optional<ServicePlan> plan(ServicePlanId id) {
        return servicePlans.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Set<ServicePlanId> planIds() {
        Set<ServicePlanId> ids = new LinkedHashSet<>();
        servicePlans.forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** The plans that are on when the given ones are switched off. */
    public Set<ServicePlanId> enabledPlans(Set<ServicePlanId> disabled) {
        Set<ServicePlanId> enabled = planIds();
        enabled.removeAll(disabled);
        return enabled;
    }

    /** "Office 365 E3 (ENTERPRISEPACK)". */
    public String label() {
        return displayName + " (" + skuPartNumber + ")";
    }
}
