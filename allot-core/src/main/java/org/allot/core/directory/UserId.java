package org.allot.core.directory;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.UuidOrder;

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

    /** As PostgreSQL orders uuid values ({@link UuidOrder}). */
    @Override
    public int compareTo(UserId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
