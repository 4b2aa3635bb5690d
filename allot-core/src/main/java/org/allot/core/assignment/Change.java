package org.allot.core.assignment;

import java.time.Instant;
import java.util.List;

/** How the assignments a user should have change, before they are evaluated. */
@FunctionalInterface
interface Change {
    List<LicenseAssignment> apply(LicenseSubject subject, List<LicenseAssignment> current, Instant now);
}
