package org.allot.core.assignment;

import java.util.Objects;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;

/** A SKU with the plans switched off in it (Graph's assignedLicense), as requested or as in effect. */
public record AssignedLicense(SkuId skuId, Set<ServicePlanId> disabledPlans) {
    public AssignedLicense {
        Objects.requireNonNull(skuId, "skuId");
        disabledPlans = Set.copyOf(disabledPlans);
    }

    public static AssignedLicense of(SkuId sku) {
        return new AssignedLicense(sku, Set.of());
    }
}
