package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;

/** A product the tenant subscribes to. {@code waitingUnits} is Allot's addition: users waiting for a seat. */
@JsonRootName("SubscribedSku")
public record SubscribedSkuResource(
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
