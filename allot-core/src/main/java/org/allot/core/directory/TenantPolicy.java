package org.allot.core.directory;

/**
 * A tenant's licensing and lifecycle policies.
 *
 * @param guestLicensing whether guests inherit group licenses
 * @param nestedGroupLicensing whether members of nested groups inherit the licenses of the groups above
 * @param softDeleteRetentionDays how long a deleted user keeps licenses and memberships before being purged
 * @param syncDeleteThreshold how many deletions a directory sync run may make before it waits for an admin
 */
public record TenantPolicy(
        GuestLicensing guestLicensing,
        boolean nestedGroupLicensing,
        int softDeleteRetentionDays,
        int syncDeleteThreshold) {

    public static final TenantPolicy DEFAULT = new TenantPolicy(GuestLicensing.BLOCK, true, 30, 500);

    public TenantPolicy {
        if (guestLicensing == null) {
            throw new IllegalArgumentException("guestLicensing is required");
        }
        if (softDeleteRetentionDays < 1 || softDeleteRetentionDays > 365) {
            throw new IllegalArgumentException("softDeleteRetentionDays must be between 1 and 365");
        }
        if (syncDeleteThreshold < 0) {
            throw new IllegalArgumentException("syncDeleteThreshold must not be negative");
        }
    }
}
