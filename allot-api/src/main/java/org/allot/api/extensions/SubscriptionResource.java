package org.allot.api.extensions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.allot.api.graph.ServicePlanInfo;

/**
 * A subscription as Allot's own endpoints show it: Graph's {@code companySubscription} with the terms it was bought
 * on, which Graph does not show: when it starts and ends, whether it renews by itself, and the monthly price of one
 * seat in an ISO 4217 currency.
 */
public record SubscriptionResource(
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
        Integer totalLicenses,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        Boolean autoRenew,
        BigDecimal unitPrice,
        String currency) {}
