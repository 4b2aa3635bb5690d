package org.allot.core.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ServicePlanId(UUID value) implements Comparable<ServicePlanId>, Serializable {
    public ServicePlanId {
        Objects.requireNonNull(value, "value");
    }

    public static ServicePlanId of(String value) {
        return new ServicePlanId(UUID.fromString(value));
    }

    /** Byte by byte, as PostgreSQL orders uuid values (Java's own UUID order compares signed halves). */
    @Override
    public int compareTo(ServicePlanId other) {
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
