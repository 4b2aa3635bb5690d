package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A user's membership of a group with a start and an end (a time-bound grant): {@code scheduled} until
 * {@code startDateTime} (the user is not a member yet), then {@code active}; at {@code endDateTime} (null: no end) the
 * user leaves the group and group licensing removes what it gave, as for any member who leaves.
 */
public record TimedMember(
        String groupId,
        String groupDisplayName,
        String userId,
        String userPrincipalName,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        String status,
        String setBy,
        OffsetDateTime setDateTime) {}
