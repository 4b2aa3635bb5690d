package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's group. {@code licensePriority} is Allot's addition: the group's priority in waiting lists.
 */
@JsonRootName("Group")
public record GroupResource(
        @JsonProperty("@odata.type") String odataType,
        String id,
        List<AssignedLicenseResource> assignedLicenses,
        OffsetDateTime createdDateTime,
        String description,
        String displayName,
        List<String> groupTypes,
        LicenseProcessingState licenseProcessingState,
        Boolean mailEnabled,
        String mailNickname,
        String membershipRule,
        String membershipRuleProcessingState,
        String onPremisesDomainName,
        String onPremisesImmutableId,
        OffsetDateTime onPremisesLastSyncDateTime,
        String onPremisesSamAccountName,
        String onPremisesSecurityIdentifier,
        Boolean onPremisesSyncEnabled,
        Boolean securityEnabled,
        Integer licensePriority) {}
