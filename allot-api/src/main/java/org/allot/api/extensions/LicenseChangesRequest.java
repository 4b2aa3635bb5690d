package org.allot.api.extensions;

import java.util.List;
import java.util.UUID;
import org.allot.api.graph.AssignedLicenseResource;

/**
 * Rows of license changes to check without applying them ({@code POST /allot/v1/licenseChanges/validate}): each is
 * the body of {@code POST /v1.0/users/{userId}/assignLicense} for the user with that id or user principal name.
 */
public record LicenseChangesRequest(List<Row> value) {

    public record Row(String userId, List<AssignedLicenseResource> addLicenses, List<UUID> removeLicenses) {}
}
