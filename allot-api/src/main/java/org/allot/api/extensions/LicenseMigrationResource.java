package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A run of the direct → group migration of a product, and what it did with each user so far.
 *
 * @param state {@code Queued}, {@code Running} or {@code Completed}
 * @param moved users whose direct license was removed ({@code joined} of them joined the group first)
 * @param kept users left as they were, each with the reason in {@code users}
 */
public record LicenseMigrationResource(
        String id,
        String skuId,
        String skuPartNumber,
        String groupId,
        String groupDisplayName,
        Boolean acceptPlanChanges,
        String state,
        String requestedBy,
        OffsetDateTime requestedDateTime,
        OffsetDateTime startedDateTime,
        OffsetDateTime finishedDateTime,
        Integer moved,
        Integer joined,
        Integer kept,
        List<User> users) {

    /** What the run did with one user. */
    public record User(String id, String userPrincipalName, Boolean moved, Boolean joinedGroup, String reason) {}
}
