package org.allot.core.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the durable queue of background licensing work, as its workers use it. Jobs are queued through
 * {@link org.allot.core.assignment.LicenseJobs} and {@link org.allot.core.rules.MembershipJobs}, in the unit of work of
 * the change that needs them. A worker holds a job for a lease, which it renews with each step; a worker that goes
 * silent loses it, and any worker of any process sharing the queue carries on from the job's cursor. Every method
 * runs inside the caller's unit of work.
 */
public interface JobQueue {
    /** Takes the oldest job nobody holds (or whose holder went silent), for {@code lease}. */
    Optional<Job> claim(UUID worker, Duration lease);

    /** Records where the job stands and renews the lease; false when the worker no longer holds the job. */
    boolean progress(Job job, UUID worker, Duration lease, JobProgress progress);

    /**
     * Whether the job was asked for again while it ran; if so it starts over from the first user. Holds the job until
     * the unit of work ends. Throws {@link LostLease} when the worker no longer holds it.
     */
    boolean takeRerun(Job job, UUID worker);

    /** Marks the job done; throws {@link LostLease} when the worker no longer holds it. */
    void complete(Job job, UUID worker);

    /** Gives the job back after an error: it is tried again after {@code retryAfter}, or given up after too many. */
    void fail(Job job, UUID worker, String error, int maxAttempts, Duration retryAfter);

    /** Gives a claimed job back, behind every job queued meanwhile, without counting the attempt. */
    void postpone(Job job, UUID worker);

    /** Lets other workers take this worker's jobs at once (on a clean shutdown). */
    void releaseAll(UUID worker);

    /**
     * Calls {@code listener} each time a unit of work of this process that queued a job has committed, so that idle
     * workers start at once rather than at their next look.
     */
    void whenQueued(Runnable listener);
}
