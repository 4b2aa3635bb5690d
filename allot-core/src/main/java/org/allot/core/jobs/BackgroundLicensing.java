package org.allot.core.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.Licensing;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.rules.DynamicMembership;

/**
 * Use case: carries out background licensing jobs. A worker claims a job in a unit of work of its own; each chunk of
 * users then commits its assignments together with the job's cursor, so a worker that dies loses at most the chunk in
 * flight; once its lease runs out any worker of any process sharing the queue carries on from the cursor, and
 * processing a chunk again changes nothing.
 */
public final class BackgroundLicensing {
    private static final int MAX_ATTEMPTS = 5;

    private final JobQueue jobs;
    private final Transactions transactions;
    private final Licensing licensing;
    private final DynamicMembership dynamic;
    private final LicenseCheck check;
    private final DirectToGroupJob migrations;
    private final int chunkSize;
    private final Duration lease;
    private final ChunkedRuns chunked;
    private final LicenseCheckJobs checks;

    public BackgroundLicensing(
            JobQueue jobs,
            Transactions transactions,
            Licensing licensing,
            DynamicMembership dynamic,
            LicenseCheck check,
            DryRuns dryRuns,
            DirectToGroupJob migrations,
            int chunkSize,
            Duration lease) {
        this.jobs = Objects.requireNonNull(jobs);
        this.transactions = Objects.requireNonNull(transactions);
        this.licensing = Objects.requireNonNull(licensing);
        this.dynamic = Objects.requireNonNull(dynamic);
        this.check = Objects.requireNonNull(check);
        this.migrations = Objects.requireNonNull(migrations);
        this.chunkSize = chunkSize;
        this.lease = Objects.requireNonNull(lease);
        this.chunked = new ChunkedRuns(jobs, transactions, lease);
        this.checks = new LicenseCheckJobs(jobs, transactions, check, dryRuns, chunked, chunkSize);
    }

    /**
     * Calls {@code listener} each time a unit of work of this process that queued a job has committed, so that idle
     * workers start at once rather than at their next look ({@link JobQueue#whenQueued}).
     */
    public void whenQueued(Runnable listener) {
        jobs.whenQueued(listener);
    }

    /** What a worker's turn did: found nothing to do, ran a job (or part of one), or put a job back for later. */
    public enum Turn {
        IDLE,
        RAN,
        POSTPONED
    }

    /**
     * Claims the oldest claimable job for {@code worker} and carries it out. A job that fails is given back to be
     * tried again later (and given up after a few attempts); a job whose lease was lost, or whose worker was stopped
     * ({@link CancellationException}), is left to the worker that takes it next.
     */
    public Turn runOne(UUID worker) {
        Optional<Job> claimed = transactions.run(() -> jobs.claim(worker, lease));
        if (claimed.isEmpty()) {
            return Turn.IDLE;
        }
        Job job = claimed.get();
        Caller caller = new Caller(job.tenant(), Actor.GROUP_BASED_LICENSING, "job-" + job.id());
        HeldJob held = new HeldJob(job, worker);
        try {
            switch (job.kind()) {
                case GROUP -> runGroup(held, caller);
                case RULE -> runRecompute(held, caller);
                case FILL -> runFill(held, caller);
                case MIGRATE -> runMigration(held);
                case CHECK -> {
                    if (!checks.run(held)) {
                        return Turn.POSTPONED;
                    }
                }
            }
        } catch (LostLease | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            transactions.run(() -> {
                jobs.fail(job, worker, String.valueOf(e), MAX_ATTEMPTS, Duration.ofSeconds(5L * job.attempts()));
                if (job.kind() == JobKind.CHECK && job.attempts() >= MAX_ATTEMPTS) {
                    check.fail(job.tenant(), new LicenseCheckRunId(job.target()), String.valueOf(e));
                }
                return null;
            });
            throw new JobFailed(job, e);
        }
        return Turn.RAN;
    }

    /** Lets other workers take this worker's jobs at once (on a clean shutdown). */
    public void release(UUID worker) {
        transactions.run(() -> {
            jobs.releaseAll(worker);
            return null;
        });
    }

    /** A job failed on this attempt; it was given back to be tried again later, or given up. */
    public static final class JobFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailed(Job job, RuntimeException cause) {
            super(
                    "job " + job.id() + " (" + job.kind() + " " + job.target() + ") failed on attempt "
                            + job.attempts(),
                    cause);
        }
    }

    private void runFill(HeldJob held, Caller caller) {
        do {
            transactions.run(() -> {
                licensing
                        .propagation()
                        .fillWaitingList(caller, new SkuId(held.job().target()));
                return null;
            });
        } while (transactions.run(() -> jobs.takeRerun(held.job(), held.worker())));
        chunked.complete(held);
    }

    private void runGroup(HeldJob held, Caller caller) {
        GroupLicensing groups = licensing.groups();
        GroupId group = new GroupId(held.job().target());
        chunked.run(
                held,
                new ChunkedRuns.Chunks(
                        () -> groups.startRun(caller, group),
                        after -> {
                            GroupLicensing.Chunk c = groups.processChunk(caller, group, after, chunkSize);
                            return new ChunkedRuns.Step(c.next(), c.users(), c.succeeded(), c.failed());
                        },
                        (succeeded, failed) -> groups.finishRun(caller, group, succeeded, failed),
                        () -> groups.lockState(caller, group)));
    }

    /**
     * Applies a dynamic group's rule to every user: each chunk commits its membership changes, the licenses that
     * follow them and the cursor together. The job's succeeded and failed counts hold how many users joined and left.
     */
    private void runRecompute(HeldJob held, Caller caller) {
        GroupId group = new GroupId(held.job().target());
        chunked.run(
                held,
                new ChunkedRuns.Chunks(
                        () -> {},
                        after -> {
                            DynamicMembership.Chunk c = dynamic.recomputeChunk(caller, group, after, chunkSize);
                            return new ChunkedRuns.Step(c.next(), c.users(), c.joined(), c.left());
                        },
                        (joined, left) -> {}));
    }

    /**
     * Moves a product's direct holders to group licensing, a chunk at a time (each chunk commits its changes, what it
     * did with each user and the cursor together). A run that ended (or is unknown) just completes its job.
     */
    private void runMigration(HeldJob held) {
        Job job = held.job();
        UUID run = job.target();
        if (!transactions.read(() -> migrations.underWay(job.tenant(), run))) {
            chunked.complete(held);
            return;
        }
        chunked.run(
                held,
                new ChunkedRuns.Chunks(
                        () -> migrations.begin(job.tenant(), run),
                        after -> {
                            DirectToGroupJob.Chunk c = migrations.chunk(job.tenant(), run, after, chunkSize);
                            return new ChunkedRuns.Step(c.next(), c.users(), c.moved(), c.kept());
                        },
                        (moved, kept) -> migrations.finish(job.tenant(), run)));
    }
}
