package org.allot.api.extensions;

import java.util.List;
import java.util.UUID;

/** Defines a custom product; a plan without an id gets a new one. */
public record ProductRequest(String skuPartNumber, String displayName, List<Plan> servicePlans) {
    public record Plan(UUID servicePlanId, String servicePlanName, String displayName) {}
}
