package org.allot.api.graph;

import java.util.List;
import java.util.UUID;

/** A SKU with the plans switched off in it. */
public record AssignedLicense(List<UUID> disabledPlans, UUID skuId) {}
