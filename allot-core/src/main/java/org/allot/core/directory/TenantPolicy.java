package org.allot.core.directory;

/**
 * A tenant's licensing and lifecycle policies.
 *
 * @param guestLicensing whether guests inherit group licenses
 * @param nestedGroupLicensing whether members of nested groups inherit the licenses of the groups above
 * @param softDeleteRetentionDays how long a deleted user keeps licenses and memberships before being purged
 * @param syncDeleteThreshold how many objects a directory sync run may delete (counting the memberships of licensed
 *     groups it removes) before it waits for an admin
 * @param syncLicenseLossThreshold how many users a directory sync run may take a license away from before it waits
 *     for an admin
 */
public record TenantPolicy(
        GuestLicensing guestLicensing,
        boolean nestedGroupLicensing,
        int softDeleteRetentionDays,
        int syncDeleteThreshold,
        int syncLicenseLossThreshold) {

    /** The default of both sync thresholds. */
    public static final int SYNC_THRESHOLD = 500;

    public static final TenantPolicy DEFAULT =
            new TenantPolicy(GuestLicensing.BLOCK, true, 30, SYNC_THRESHOLD, SYNC_THRESHOLD);

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
        if (syncDeleteThreshold < 0 || syncLicenseLossThreshold < 0) {
            throw new IllegalArgumentException("the sync thresholds must not be negative");
        }
    }

    /** A policy with the default threshold of users losing a license. */
    public TenantPolicy(
            GuestLicensing guestLicensing,
            boolean nestedGroupLicensing,
            int softDeleteRetentionDays,
            int syncDeleteThreshold) {
        this(guestLicensing, nestedGroupLicensing, softDeleteRetentionDays, syncDeleteThreshold, SYNC_THRESHOLD);
    }

    public TenantPolicy withSyncLicenseLossThreshold(int value) {
        return new TenantPolicy(
                guestLicensing, nestedGroupLicensing, softDeleteRetentionDays, syncDeleteThreshold, value);
    }
}
