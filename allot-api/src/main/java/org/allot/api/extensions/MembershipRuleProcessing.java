package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * How applying a dynamic group's rule stands. Small tenants apply a rule within the request; larger ones in the
 * background, a chunk of users at a time: {@code status} is then {@code Queued}, {@code Running}, {@code Complete} or
 * {@code Failed}, with the users evaluated so far and how many joined and left.
 */
public record MembershipRuleProcessing(
        String groupId,
        String membershipRuleProcessingState,
        String status,
        Integer usersProcessed,
        Integer joined,
        Integer left,
        OffsetDateTime startedDateTime,
        OffsetDateTime finishedDateTime) {}
