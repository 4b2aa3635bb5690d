package org.allot.core.directory;

import java.util.Objects;

/** A member of a group: a user, or another group (nesting). */
public sealed interface Member permits Member.OfUser, Member.OfGroup {

    static Member user(UserId id) {
        return new OfUser(id);
    }

    static Member group(GroupId id) {
        return new OfGroup(id);
    }

    record OfUser(UserId id) implements Member {
        public OfUser {
            Objects.requireNonNull(id, "id");
        }
    }

    record OfGroup(GroupId id) implements Member {
        public OfGroup {
            Objects.requireNonNull(id, "id");
        }
    }
}
