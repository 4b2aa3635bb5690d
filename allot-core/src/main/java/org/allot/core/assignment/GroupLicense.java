package org.allot.core.assignment;

import java.time.Instant;
import java.util.Objects;

/** A license a group assigns to its members, since when. */
public record GroupLicense(AssignedLicense license, Instant assignedAt) {
    public GroupLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}
