package org.allot.core.catalog;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.UuidOrder;

public record SkuId(UUID value) implements Comparable<SkuId> {
    public SkuId {
        Objects.requireNonNull(value, "value");
    }

    public static SkuId of(String value) {
        return new SkuId(UUID.fromString(value));
    }

    /** As PostgreSQL orders uuid values ({@link UuidOrder}). */
    @Override
    public int compareTo(SkuId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
