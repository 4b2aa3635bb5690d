package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's group; {@code securityIdentifier} is the cloud SID Entra derives from the id ({@code S-1-12-1-…}). {@code licensePriority} is Allot's addition: the group's priority in waiting lists.
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
        String onPremisesNetBiosName,
        List<OnPremisesProvisioningError> onPremisesProvisioningErrors,
        String onPremisesSamAccountName,
        String onPremisesSecurityIdentifier,
        Boolean onPremisesSyncEnabled,
        Boolean securityEnabled,
        String securityIdentifier,
        Integer licensePriority) {

    /**
     * Graph's names of the properties above, in their order ({@code @odata.type} aside): what {@code /v1.0/groups} may
     * select.
     */
    public static final List<String> PROPERTIES = List.of(
            "id",
            "assignedLicenses",
            "createdDateTime",
            "description",
            "displayName",
            "groupTypes",
            "licenseProcessingState",
            "mailEnabled",
            "mailNickname",
            "membershipRule",
            "membershipRuleProcessingState",
            "onPremisesDomainName",
            "onPremisesImmutableId",
            "onPremisesLastSyncDateTime",
            "onPremisesNetBiosName",
            "onPremisesProvisioningErrors",
            "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier",
            "onPremisesSyncEnabled",
            "securityEnabled",
            "securityIdentifier",
            "licensePriority");
}
