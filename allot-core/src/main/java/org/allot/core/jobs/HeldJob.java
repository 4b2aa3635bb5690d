package org.allot.core.jobs;

import java.util.UUID;

/** A claimed job and the worker holding it. */
record HeldJob(Job job, UUID worker) {
    /** Where the job stood when it was claimed. */
    JobProgress from() {
        return job.progress();
    }
}
