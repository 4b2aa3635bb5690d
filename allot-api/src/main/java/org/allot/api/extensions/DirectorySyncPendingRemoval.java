package org.allot.api.extensions;

/**
 * A membership of a licensed group that a blocked run would remove once confirmed.
 *
 * @param groupId the group's id in Allot
 * @param memberType {@code user} or {@code group}
 * @param memberId the member's id in Allot
 * @param memberName the user principal name of a user, the display name of a group
 */
public record DirectorySyncPendingRemoval(
        String groupId, String groupDisplayName, String memberType, String memberId, String memberName) {}
