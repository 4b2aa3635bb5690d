package org.allot.api.extensions;

/**
 * A tenant's settings. {@code guestLicensing} is {@code BLOCK} or {@code ALLOW}; a PATCH changes only what it sends
 * (send {@code defaultUsageLocation: ""} to clear it).
 */
public record TenantSettings(
        String id,
        String displayName,
        String defaultUsageLocation,
        String guestLicensing,
        Boolean nestedGroupLicensing,
        Integer softDeleteRetentionDays,
        Integer syncDeleteThreshold) {}
