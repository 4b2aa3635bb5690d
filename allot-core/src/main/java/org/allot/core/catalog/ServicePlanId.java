package org.allot.core.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.UuidOrder;

public record ServicePlanId(UUID value) implements Comparable<ServicePlanId>, Serializable {
    public ServicePlanId {
        Objects.requireNonNull(value, "value");
    }

    public static ServicePlanId of(String value) {
        return new ServicePlanId(UUID.fromString(value));
    }

    /** As PostgreSQL orders uuid values ({@link UuidOrder}). */
    @Override
    public int compareTo(ServicePlanId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
