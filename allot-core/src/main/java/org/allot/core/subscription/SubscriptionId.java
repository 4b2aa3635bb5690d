package org.allot.core.subscription;

import java.util.Objects;
import java.util.UUID;

public record SubscriptionId(UUID value) {
    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static SubscriptionId of(String value) {
        return new SubscriptionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
