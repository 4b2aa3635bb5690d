package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One source of one license of a user; {@code assignedByGroup} is null for a direct assignment, and sent as
 * {@code null} as Graph sends it. {@code reason} and
 * {@code requestedDateTime} are Allot's additions (clients that do not know them ignore them).
 */
public record LicenseAssignmentState(
        @JsonInclude(JsonInclude.Include.ALWAYS) String assignedByGroup,
        List<String> disabledPlans,
        String error,
        OffsetDateTime lastUpdatedDateTime,
        String skuId,
        String state,
        String reason,
        OffsetDateTime requestedDateTime) {}
