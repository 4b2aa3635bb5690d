package org.allot.api.graph;

import java.util.List;
import java.util.UUID;

public record LicenseDetails(String id, List<ServicePlanInfo> servicePlans, UUID skuId, String skuPartNumber) {}
