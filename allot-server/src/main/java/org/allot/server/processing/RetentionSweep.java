package org.allot.server.processing;

import org.allot.core.directory.DeletedUserRetention;
import org.allot.core.reclaim.Reclaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic step that purges users deleted longer ago than their tenant's retention period (core's {@link
 * DeletedUserRetention}) and forgets reclaim runs' reports older than {@link Reclaim#RUNS_KEPT}, and logs what it did.
 * Safe to run on every node: each purge is its own transaction and a user purged twice is simply gone.
 */
public final class RetentionSweep {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final DeletedUserRetention retention;
    private final Reclaim reclaim;

    public RetentionSweep(DeletedUserRetention retention, Reclaim reclaim) {
        this.retention = retention;
        this.reclaim = reclaim;
    }

    /** Purges what is due; returns how many users were purged. */
    public int sweep() {
        int purged = retention.purgeDue();
        if (purged > 0) {
            log.info("Purged {} deleted user(s) past their retention period", purged);
        }
        int forgotten = reclaim.forgetOldRuns();
        if (forgotten > 0) {
            log.info("Forgot {} reclaim run(s) older than {}", forgotten, Reclaim.RUNS_KEPT);
        }
        return purged;
    }
}
