package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's group. {@code licensePriority} is Allot's addition: the group's priority in waiting lists.
 */
public record Group(
        @JsonProperty("@odata.type") String odataType,
        String id,
        List<AssignedLicense> assignedLicenses,
        OffsetDateTime createdDateTime,
        String description,
        String displayName,
        List<String> groupTypes,
        LicenseProcessingState licenseProcessingState,
        Boolean mailEnabled,
        String mailNickname,
        String membershipRule,
        String membershipRuleProcessingState,
        String onPremisesImmutableId,
        Boolean onPremisesSyncEnabled,
        Boolean securityEnabled,
        Integer licensePriority) {}
