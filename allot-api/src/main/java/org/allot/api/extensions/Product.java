package org.allot.api.extensions;

import java.util.List;
import java.util.UUID;
import org.allot.api.graph.ServicePlanInfo;

/** A product of the tenant's catalogue, built in or custom. */
public record Product(
        UUID skuId,
        String skuPartNumber,
        String displayName,
        String appliesTo,
        boolean custom,
        List<ServicePlanInfo> servicePlans) {}
