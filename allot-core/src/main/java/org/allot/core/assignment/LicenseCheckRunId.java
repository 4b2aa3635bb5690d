package org.allot.core.assignment;

import java.util.Objects;
import java.util.UUID;

/** Identifies one run of a tenant's license check. */
public record LicenseCheckRunId(UUID value) {
    public LicenseCheckRunId {
        Objects.requireNonNull(value, "value");
    }

    public static LicenseCheckRunId random() {
        return new LicenseCheckRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
