package org.allot.core.jobs;

import java.util.Objects;
import java.util.Optional;
import org.allot.core.Transactions;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;

/**
 * Carries out a license check's job: a dry run through {@link DryRuns}, or a repair a chunk at a time, as every
 * licensing unit of work.
 */
final class LicenseCheckJobs {
    private final JobQueue jobs;
    private final Transactions transactions;
    private final LicenseCheck check;
    private final DryRuns dryRuns;
    private final ChunkedRuns chunked;
    private final int chunkSize;

    LicenseCheckJobs(
            JobQueue jobs,
            Transactions transactions,
            LicenseCheck check,
            DryRuns dryRuns,
            ChunkedRuns chunked,
            int chunkSize) {
        this.jobs = Objects.requireNonNull(jobs);
        this.transactions = Objects.requireNonNull(transactions);
        this.check = Objects.requireNonNull(check);
        this.dryRuns = Objects.requireNonNull(dryRuns);
        this.chunked = Objects.requireNonNull(chunked);
        this.chunkSize = chunkSize;
    }

    /**
     * Runs a license check (false: put back, because the tenant's licensing work is still under way): a dry run
     * through {@link DryRuns}; a repair a chunk at a time, as every licensing unit of work. A job whose run is over (it
     * failed, or ended before a crash let the job be claimed again) just completes.
     */
    boolean run(HeldJob held) {
        Job job = held.job();
        LicenseCheckRunId id = new LicenseCheckRunId(job.target());
        Optional<LicenseCheckRun> run = transactions.read(() -> check.run(job.tenant(), id));
        if (run.isEmpty() || !run.get().state().underWay()) {
            chunked.complete(held);
            return true;
        }
        if (!job.progress().started() && !transactions.read(() -> check.mayStart(job.tenant()))) {
            transactions.run(() -> {
                jobs.postpone(job, held.worker());
                return null;
            });
            return false;
        }
        if (run.get().dryRun()) {
            runDryRun(held, id);
            return true;
        }
        chunked.run(
                held,
                new ChunkedRuns.Chunks(
                        () -> check.start(job.tenant(), id),
                        after -> {
                            LicenseCheck.Chunk c = check.check(job.tenant(), id, after, chunkSize);
                            return new ChunkedRuns.Step(c.next(), c.users(), c.found(), c.repaired());
                        },
                        (found, repaired) -> check.finish(job.tenant(), id)));
        return true;
    }

    /** A dry run from the job's cursor, then its end (or, asked for again meanwhile, again from the start). */
    private void runDryRun(HeldJob held, LicenseCheckRunId id) {
        Job job = held.job();
        JobProgress from = held.from();
        while (true) {
            dryRuns.run(job.tenant(), id, from, at -> chunked.requireLease(held, at));
            boolean again = transactions.run(() -> {
                if (jobs.takeRerun(job, held.worker())) {
                    return true;
                }
                check.finish(job.tenant(), id);
                jobs.complete(job, held.worker());
                return false;
            });
            if (!again) {
                return;
            }
            from = JobProgress.NONE;
        }
    }
}
