package org.allot.core.assignment;

import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;

/**
 * Port: work too large for one request, carried on in the background and durably (it survives a crash). Asking
 * twice for the same work before it runs does it once; asking while it runs runs it again afterwards.
 */
public interface LicenseJobs {
    /** Brings every member of the group, and everyone holding an assignment from it, in line with its licenses. */
    void reconcileGroup(TenantId tenant, GroupId group);

    /** Gives the free seats of the SKU to its waiting list, in order. */
    void fillWaitingList(TenantId tenant, SkuId sku);

    /** Carries out a run of the license check, a chunk of users at a time (see {@link LicenseCheck}). */
    void checkLicenses(TenantId tenant, LicenseCheckRunId run);

    /** Carries out a run of the direct → group migration ({@link DirectToGroupJob}), a chunk of users at a time. */
    void migrateToGroups(TenantId tenant, java.util.UUID run);

    /**
     * Whether licensing work of the tenant is queued or under way in the background: a group's licenses being applied,
     * a dynamic group's members being recomputed, a waiting list being served.
     */
    boolean licensingUnderWay(TenantId tenant);

    /**
     * How far the background application of the group's licenses has come, while it is queued or under way (what its
     * worker last recorded); empty when none is.
     */
    Optional<Progress> groupUnderWay(TenantId tenant, GroupId group);

    /** How many users a background run has processed so far, and how many of them were licensed and in error. */
    record Progress(int processed, int succeeded, int failed) {
        /** A run queued, not started yet. */
        public static final Progress NONE = new Progress(0, 0, 0);
    }
}
