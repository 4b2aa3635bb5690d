package org.allot.api.graph;

import java.util.List;
import java.util.UUID;

/** A product the tenant subscribes to. {@code waitingUnits} is Allot's addition: users waiting for a seat. */
public record SubscribedSku(
        String accountId,
        String accountName,
        String appliesTo,
        String capabilityStatus,
        int consumedUnits,
        String id,
        LicenseUnitsDetail prepaidUnits,
        List<ServicePlanInfo> servicePlans,
        UUID skuId,
        String skuPartNumber,
        List<String> subscriptionIds,
        Integer waitingUnits) {}
