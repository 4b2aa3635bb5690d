package org.allot.core;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant: every piece of data in Allot belongs to exactly one. */
public record TenantId(UUID value) implements Serializable {
    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
