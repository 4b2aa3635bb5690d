package org.allot.core.assignment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.UuidOrder;

/** The id of an allotment: a capped pool of a SKU's seats. */
public record AllotmentId(UUID value) implements Comparable<AllotmentId> {
    public AllotmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AllotmentId random() {
        return new AllotmentId(UUID.randomUUID());
    }

    /** The id a request names, when it is one. */
    public static Optional<AllotmentId> parse(String text) {
        try {
            return Optional.of(new AllotmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** As PostgreSQL orders uuid values ({@link UuidOrder}). */
    @Override
    public int compareTo(AllotmentId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
