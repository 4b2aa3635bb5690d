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
        List<OnPremisesProvisioningError> onPremisesProvisioningErrors,
        String onPremisesSamAccountName,
        String onPremisesSecurityIdentifier,
        Boolean onPremisesSyncEnabled,
        String onPremisesUserPrincipalName,
        String preferredLanguage,
        String securityIdentifier,
        SignInActivity signInActivity,
        String surname,
        String usageLocation,
        String userPrincipalName,
        String userType) {

    /**
     * Graph's names of the properties above, in their order ({@code @odata.type} aside): what {@code /v1.0/users} may
     * select, {@code signInActivity} answered only when selected.
     */
    public static final List<String> PROPERTIES = List.of(
            "id",
            "accountEnabled",
            "assignedLicenses",
            "assignedPlans",
            "businessPhones",
            "city",
            "companyName",
            "country",
            "createdDateTime",
            "deletedDateTime",
            "department",
            "displayName",
            "employeeId",
            "givenName",
            "jobTitle",
            "licenseAssignmentStates",
            "mail",
            "mailNickname",
            "mobilePhone",
            "officeLocation",
            "onPremisesDistinguishedName",
            "onPremisesDomainName",
            "onPremisesExtensionAttributes",
            "onPremisesImmutableId",
            "onPremisesLastSyncDateTime",
            "onPremisesProvisioningErrors",
            "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier",
            "onPremisesSyncEnabled",
            "onPremisesUserPrincipalName",
            "preferredLanguage",
            "securityIdentifier",
            "signInActivity",
            "surname",
            "usageLocation",
            "userPrincipalName",
            "userType");
}
