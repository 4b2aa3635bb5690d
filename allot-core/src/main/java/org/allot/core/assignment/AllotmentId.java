package org.allot.core.assignment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

    @Override
    public int compareTo(AllotmentId other) {
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
