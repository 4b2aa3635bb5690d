package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;

/** A SKU with the plans switched off in it. */
@JsonRootName("AssignedLicense")
public record AssignedLicenseResource(List<UUID> disabledPlans, UUID skuId) {}
