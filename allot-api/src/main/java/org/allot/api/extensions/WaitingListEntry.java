package org.allot.api.extensions;

import java.time.OffsetDateTime;

/** A user waiting for a seat, at their place in the list (1 is served first). */
public record WaitingListEntry(
        int position,
        String userId,
        String userPrincipalName,
        String displayName,
        OffsetDateTime requestedDateTime,
        String assignedByGroup,
        int priority) {}
