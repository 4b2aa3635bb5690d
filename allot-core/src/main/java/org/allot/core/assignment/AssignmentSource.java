package org.allot.core.assignment;

import java.util.Objects;
import org.allot.core.directory.GroupId;

/** Where a license assignment comes from: the user directly, or a group the user is a member of. */
public sealed interface AssignmentSource extends Comparable<AssignmentSource>
        permits AssignmentSource.Direct, AssignmentSource.Inherited {

    @SuppressWarnings("ClassInitializationDeadlock") // Direct is made only here: nothing can initialize it first
    AssignmentSource DIRECT = new Direct();

    static AssignmentSource group(GroupId group) {
        return new Inherited(group);
    }

    default boolean isDirect() {
        return this instanceof Direct;
    }

    /** The group of an inherited assignment; null for a direct one (as Graph's {@code assignedByGroup}). */
    GroupId groupOrNull();

    /** Direct first, then groups in id order. */
    @Override
    default int compareTo(AssignmentSource other) {
        if (isDirect() || other.isDirect()) {
            return Boolean.compare(!isDirect(), !other.isDirect());
        }
        return groupOrNull().compareTo(other.groupOrNull());
    }

    record Direct() implements AssignmentSource {
        @Override
        public GroupId groupOrNull() {
            return null;
        }
    }

    record Inherited(GroupId group) implements AssignmentSource {
        public Inherited {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public GroupId groupOrNull() {
            return group;
        }
    }
}
