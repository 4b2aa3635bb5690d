package org.allot.api.graph;

import java.util.UUID;

public record ServicePlanInfo(
        String appliesTo, String provisioningStatus, UUID servicePlanId, String servicePlanName) {}
