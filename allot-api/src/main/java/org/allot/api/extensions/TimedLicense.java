package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A direct license of a user with a start and an end (a time-bound grant). {@code status} is {@code scheduled} until
 * {@code startDateTime} (nothing is assigned yet), then {@code active}; at {@code endDateTime} (null: no end) the
 * direct assignment is removed as any removal is (the removal grace, the waiting list). {@code setBy} names who set
 * it, as the audit log does.
 */
public record TimedLicense(
        String userId,
        String userPrincipalName,
        String skuId,
        String skuPartNumber,
        List<String> disabledPlans,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        String status,
        String setBy,
        OffsetDateTime setDateTime) {}
