package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.time.OffsetDateTime;
import java.util.List;

/** Graph's user, with every property Allot knows. Responses carry only the selected ones. */
@JsonRootName("User")
public record UserResource(
        @JsonProperty("@odata.type") String odataType,
        String id,
        Boolean accountEnabled,
        List<AssignedLicenseResource> assignedLicenses,
        List<AssignedPlan> assignedPlans,
        List<String> businessPhones,
        String city,
        String companyName,
        String country,
        OffsetDateTime createdDateTime,
        OffsetDateTime deletedDateTime,
        String department,
        String displayName,
        String employeeId,
        String givenName,
        String jobTitle,
        List<LicenseAssignmentState> licenseAssignmentStates,
        String mail,
        String mailNickname,
        String mobilePhone,
        String officeLocation,
        String onPremisesDistinguishedName,
        String onPremisesDomainName,
        OnPremisesExtensionAttributes onPremisesExtensionAttributes,
        String onPremisesImmutableId,
        OffsetDateTime onPremisesLastSyncDateTime,
        String onPremisesSamAccountName,
        String onPremisesSecurityIdentifier,
        Boolean onPremisesSyncEnabled,
        String onPremisesUserPrincipalName,
        String preferredLanguage,
        SignInActivity signInActivity,
        String surname,
        String usageLocation,
        String userPrincipalName,
        String userType) {}
