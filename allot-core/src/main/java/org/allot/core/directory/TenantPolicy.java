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

    /** The shortest and longest a deleted user may be kept before being purged, in days. */
    public static final int MIN_RETENTION_DAYS = 1;

    public static final int MAX_RETENTION_DAYS = 365;

    public TenantPolicy {
        if (guestLicensing == null) {
            throw new IllegalArgumentException("guestLicensing is required");
        }
        if (softDeleteRetentionDays < MIN_RETENTION_DAYS || softDeleteRetentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException(
                    "softDeleteRetentionDays must be between " + MIN_RETENTION_DAYS + " and " + MAX_RETENTION_DAYS);
        }
        if (syncDeleteThreshold < 0) {
            throw new IllegalArgumentException("syncDeleteThreshold must not be negative");
        }
    }
}
