package org.allot.core.rules;

import java.util.Objects;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;

/** A dynamic group with its rule parsed. */
record DynamicGroup(Group group, MembershipRule rule) {
    DynamicGroup {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rule, "rule");
    }

    GroupId id() {
        return group.id();
    }
}
