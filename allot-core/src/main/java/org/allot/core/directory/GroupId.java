package org.allot.core.directory;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.UuidOrder;

public record GroupId(UUID value) implements Comparable<GroupId> {
    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    public static GroupId of(String value) {
        return new GroupId(UUID.fromString(value));
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    /** As PostgreSQL orders uuid values ({@link UuidOrder}). */
    @Override
    public int compareTo(GroupId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
