package org.allot.core.jobs;

import java.util.function.Consumer;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseCheckRunId;

/**
 * Port: a license check's dry run, carried on from where its job stands. The server reads ranges of users at once on
 * one shared snapshot of the database ({@code processing.LicenseCheckDryRun}).
 */
public interface DryRuns {
    /**
     * Runs from {@code from} to the last user (counts: users processed, differences found); {@code progress} is told,
     * within the unit of work that records each range, where the run stands after it, and throws {@link LostLease}
     * when the job is no longer this worker's.
     */
    void run(TenantId tenant, LicenseCheckRunId run, JobProgress from, Consumer<JobProgress> progress);
}
