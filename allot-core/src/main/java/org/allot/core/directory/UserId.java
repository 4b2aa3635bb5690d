package org.allot.core.directory;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) implements Comparable<UserId> {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Byte by byte, as PostgreSQL orders uuid values (Java's own UUID order compares signed halves). */
    @Override
    public int compareTo(UserId other) {
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
