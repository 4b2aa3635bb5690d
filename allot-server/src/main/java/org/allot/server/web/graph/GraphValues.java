package org.allot.server.web.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.allot.core.assignment.AssignedLicense;

/** Graph's shapes of the values several resources share: times, and a license with its disabled plans. */
public final class GraphValues {
    private GraphValues() {}

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static org.allot.api.graph.AssignedLicenseResource assigned(AssignedLicense l) {
        return new org.allot.api.graph.AssignedLicenseResource(
                l.disabledPlans().stream().map(p -> p.value()).sorted().toList(),
                l.skuId().value());
    }
}
