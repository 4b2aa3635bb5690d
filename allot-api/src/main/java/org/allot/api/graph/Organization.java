package org.allot.api.graph;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's organization: the tenant. {@code defaultUsageLocation} is Allot's addition (the usage location group
 * licensing uses for users without one); Graph's {@code countryLetterCode} carries the same value.
 */
public record Organization(
        String id,
        String displayName,
        String countryLetterCode,
        OffsetDateTime createdDateTime,
        List<VerifiedDomain> verifiedDomains,
        String defaultUsageLocation) {

    public record VerifiedDomain(String capabilities, Boolean isDefault, Boolean isInitial, String name, String type) {}
}
