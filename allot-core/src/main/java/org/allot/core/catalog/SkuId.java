package org.allot.core.catalog;

import java.util.Objects;
import java.util.UUID;

public record SkuId(UUID value) implements Comparable<SkuId> {
    public SkuId {
        Objects.requireNonNull(value, "value");
    }

    public static SkuId of(String value) {
        return new SkuId(UUID.fromString(value));
    }

    /** Byte by byte, as PostgreSQL orders uuid values (Java's own UUID order compares signed halves). */
    @Override
    public int compareTo(SkuId other) {
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
