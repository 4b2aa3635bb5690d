package org.allot.core.reclaim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * A user who holds a seat of a product, with what reclaim looks at.
 *
 * @param sources the user's seat-holding assignments of the product, one per source
 */
public record Holder(
        UserId id,
        String userPrincipalName,
        String displayName,
        boolean accountEnabled,
        Instant createdDateTime,
        Instant deletedDateTime,
        UserActivity activity,
        List<HeldSource> sources) {
    public Holder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        activity = activity == null ? UserActivity.NONE : activity;
        sources = List.copyOf(sources);
    }

    /**
     * One source of the seat.
     *
     * @param group the group that assigns it, null when direct
     * @param groupName its display name, null when direct
     * @param lastChanged when the assignment was last granted or changed
     */
    public record HeldSource(GroupId group, String groupName, Instant lastChanged) {
        public boolean isDirect() {
            return group == null;
        }
    }
}
