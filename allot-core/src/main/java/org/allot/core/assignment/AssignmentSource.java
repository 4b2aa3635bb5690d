package org.allot.core.assignment;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.directory.GroupId;

/** Where a license assignment comes from: the user directly, or a group the user is a member of. */
public sealed interface AssignmentSource extends Comparable<AssignmentSource>
        permits AssignmentSource.Direct, AssignmentSource.Inherited {

    @SuppressWarnings("ClassInitializationDeadlock") // Direct is made only here: nothing can initialize it first
    AssignmentSource DIRECT = new Direct();

    /** The key of a direct source: the nil UUID, which no group has. */
    UUID DIRECT_KEY = new UUID(0, 0);

    static AssignmentSource group(GroupId group) {
        return new Inherited(group);
    }

    /** The source a {@link #key()} stands for. */
    static AssignmentSource ofKey(UUID key) {
        return DIRECT_KEY.equals(key) ? DIRECT : group(new GroupId(key));
    }

    /** One value for every source, as storage keys assignments by it: the group's id, or {@link #DIRECT_KEY}. */
    default UUID key() {
        return isDirect() ? DIRECT_KEY : groupOrNull().value();
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
