package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A license removed from a user and held until {@code pendingRemovalDateTime} (grace on removal): still assigned and
 * counted until then; re-adding it or rejoining the group cancels the removal. {@code assignedByGroup} is null for a
 * direct assignment.
 */
public record LicensePendingRemoval(
        String userId,
        String userPrincipalName,
        String skuId,
        String skuPartNumber,
        String assignedByGroup,
        OffsetDateTime pendingRemovalDateTime) {}
