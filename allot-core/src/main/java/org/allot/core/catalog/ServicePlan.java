package org.allot.core.catalog;

import java.util.Objects;

/** One app or service inside a product, such as Exchange Online (Plan 2). */
public record ServicePlan(ServicePlanId id, String name, String displayName, AppliesTo appliesTo) {
    public ServicePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(appliesTo, "appliesTo");
    }

    /** A readable name for messages: "Exchange Online (Plan 2) (EXCHANGE_S_ENTERPRISE)". */
    public String label() {
        return displayName.equals(name) ? name : displayName + " (" + name + ")";
    }
}
