package org.allot.core.directory;

import java.util.Objects;
import java.util.UUID;

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

    /** Byte by byte, as PostgreSQL orders uuid values (Java's own UUID order compares signed halves). */
    @Override
    public int compareTo(GroupId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0
                ? high
                : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
