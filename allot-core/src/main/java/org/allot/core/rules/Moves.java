package org.allot.core.rules;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.directory.UserId;

/** The users a rule brought into a group and took out of it, in id order. */
record Moves(Set<UserId> joined, Set<UserId> left) {
    Moves {
        joined = Collections.unmodifiableSortedSet(new TreeSet<>(joined));
        left = Collections.unmodifiableSortedSet(new TreeSet<>(left));
    }

    boolean isEmpty() {
        return joined.isEmpty() && left.isEmpty();
    }

    Set<UserId> users() {
        Set<UserId> users = new TreeSet<>(joined);
        users.addAll(left);
        return users;
    }
}
