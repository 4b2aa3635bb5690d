package org.allot.api.graph;

import java.util.List;
import java.util.UUID;

/** The body of {@code assignLicense} for users and groups. */
public record AssignLicenseRequest(List<AssignedLicenseResource> addLicenses, List<UUID> removeLicenses) {}
