package org.allot.core.directory;

import java.util.List;
import java.util.Map;

/**
 * What setting a synced group's members changed: who joined, who left, and who could not join and why (a member
 * that does not exist, or a nested group that would make the group contain itself).
 */
public record MembershipChange(Group group, List<Member> added, List<Member> removed, Map<Member, String> refused) {
    public MembershipChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        refused = Map.copyOf(refused);
    }

    public boolean changed() {
        return !added.isEmpty() || !removed.isEmpty();
    }
}
