package org.allot.api.extensions;

/**
 * A tenant's settings. {@code guestLicensing} is {@code BLOCK} or {@code ALLOW}; a PATCH changes only what it sends
 * (send {@code defaultUsageLocation: ""} to clear it).
 *
 * @param syncDeleteThreshold how many objects a directory sync run may delete (memberships of licensed groups it
 *     removes count too) before it is blocked for an administrator to confirm
 * @param syncLicenseLossThreshold how many users a directory sync run may take a license from before it is blocked
 */
public record TenantSettings(
        String id,
        String displayName,
        String defaultUsageLocation,
        String guestLicensing,
        Boolean nestedGroupLicensing,
        Integer softDeleteRetentionDays,
        Integer syncDeleteThreshold,
        Integer syncLicenseLossThreshold) {}
