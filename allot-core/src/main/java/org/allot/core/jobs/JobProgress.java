package org.allot.core.jobs;

import org.allot.core.directory.UserId;

/**
 * Where a job stands: whether it started, the last user done (null: none yet, or all of them once started), how many
 * users it processed and its two counts (succeeded and failed for a group; joined and left for a dynamic group; found
 * and repaired for a license check).
 */
public record JobProgress(boolean started, UserId cursor, int processed, int succeeded, int failed) {
    /** A job not started yet. */
    public static final JobProgress NONE = new JobProgress(false, null, 0, 0, 0);
}
