package org.allot.core.directory;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The members a directory lists for one synced group, for {@link GroupDirectory#setSyncedMembers(org.allot.core.Caller,
 * java.util.List)}: the {@code listed} users and groups become its direct members; current members not listed leave
 * only when {@code inScope} says the directory still holds them.
 */
public record SyncedMembers(GroupId group, Set<Member> listed, Predicate<Member> inScope) {
    public SyncedMembers {
        Objects.requireNonNull(group, "group");
        listed = Set.copyOf(listed);
        Objects.requireNonNull(inScope, "inScope");
    }
}
