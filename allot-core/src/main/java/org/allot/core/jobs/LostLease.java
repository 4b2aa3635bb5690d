package org.allot.core.jobs;

/** The worker lost its lease on a job: another worker took it over and carries on from the job's cursor. */
public final class LostLease extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LostLease(Job job) {
        super("lost the lease on job " + job.id() + " (" + job.kind() + " " + job.target() + ")");
    }
}
