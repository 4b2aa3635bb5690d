package org.allot.core.assignment;

import java.util.List;
import org.allot.core.directory.UserId;

/**
 * Walking a group's users in id order, a chunk at a time, from two sorted streams: its members and the users holding
 * an assignment from it.
 */
final class Chunks {
    private Chunks() {}

    /**
     * The last user id this chunk can cover without skipping anyone of either stream (each read up to
     * {@code limit}), or null when both streams are exhausted.
     */
    static UserId boundary(List<UserId> members, List<UserId> holders, int limit) {
        UserId boundary = null;
        if (members.size() >= limit) {
            boundary = members.get(members.size() - 1);
        }
        if (holders.size() >= limit) {
            UserId last = holders.get(holders.size() - 1);
            boundary = boundary == null || last.compareTo(boundary) < 0 ? last : boundary;
        }
        return boundary;
    }
}
