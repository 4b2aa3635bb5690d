package org.allot.core.directory;

/**
 * A change of a tenant's settings as a client asks for it: each part null to leave it as it is. Text values are
 * checked by {@link TenantDirectory#change}, so every interface refuses the same things with the same words.
 *
 * @param guestLicensing {@code BLOCK} or {@code ALLOW}, in any case
 */
public record TenantChange(
        String name,
        String defaultUsageLocation,
        String guestLicensing,
        Boolean nestedGroupLicensing,
        Integer softDeleteRetentionDays,
        Integer syncDeleteThreshold,
        Integer syncLicenseLossThreshold) {

    /** A change that leaves the threshold of users losing a license as it is. */
    public TenantChange(
            String name,
            String defaultUsageLocation,
            String guestLicensing,
            Boolean nestedGroupLicensing,
            Integer softDeleteRetentionDays,
            Integer syncDeleteThreshold) {
        this(
                name,
                defaultUsageLocation,
                guestLicensing,
                nestedGroupLicensing,
                softDeleteRetentionDays,
                syncDeleteThreshold,
                null);
    }

    boolean changesPolicy() {
        return guestLicensing != null
                || nestedGroupLicensing != null
                || softDeleteRetentionDays != null
                || syncDeleteThreshold != null
                || syncLicenseLossThreshold != null;
    }
}
