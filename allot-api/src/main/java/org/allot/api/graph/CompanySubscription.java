package org.allot.api.graph;

import java.time.OffsetDateTime;
import java.util.List;

public record CompanySubscription(
        String commerceSubscriptionId,
        OffsetDateTime createdDateTime,
        String id,
        Boolean isTrial,
        OffsetDateTime nextLifecycleDateTime,
        String ownerId,
        String ownerTenantId,
        String ownerType,
        List<ServicePlanInfo> serviceStatus,
        String skuId,
        String skuPartNumber,
        String status,
        Integer totalLicenses) {}
