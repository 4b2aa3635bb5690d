package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;
import org.allot.api.graph.ServicePlanInfo;

/** A product of the tenant's catalogue, built in or custom. */
@JsonRootName("Product")
public record ProductResource(
        UUID skuId,
        String skuPartNumber,
        String displayName,
        String appliesTo,
        boolean custom,
        List<ServicePlanInfo> servicePlans) {}
