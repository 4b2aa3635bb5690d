package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * A membership of a licensed group that a blocked run holds back: the directory no longer lists the member, and
 * removing it waits for an administrator to confirm the run.
 *
 * @param groupName the group's display name
 * @param memberName the user principal name of a user member, the display name of a group member
 */
public record PendingRemoval(UUID groupId, String groupName, ObjectKind memberKind, UUID memberId, String memberName) {
    public PendingRemoval {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberKind, "memberKind");
        Objects.requireNonNull(memberId, "memberId");
    }
}
