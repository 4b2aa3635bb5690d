package org.allot.api.graph;

import java.time.OffsetDateTime;
import java.util.UUID;

public record AssignedPlan(
        OffsetDateTime assignedDateTime, String capabilityStatus, String service, UUID servicePlanId) {}
