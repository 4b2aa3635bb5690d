package org.allot.core.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.Licensing;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
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
    private final DryRuns dryRuns;
    private final DirectToGroupJob migrations;
    private final int chunkSize;
    private final Duration lease;

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
        this.dryRuns = Objects.requireNonNull(dryRuns);
        this.migrations = Objects.requireNonNull(migrations);
        this.chunkSize = chunkSize;
        this.lease = Objects.requireNonNull(lease);
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
        Held held = new Held(job, worker);
        try {
            switch (job.kind()) {
                case GROUP -> runGroup(held, caller);
                case RULE -> runRecompute(held, caller);
                case FILL -> runFill(held, caller);
                case MIGRATE -> runMigration(held);
                case CHECK -> {
                    if (!runCheck(held)) {
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

    /** A claimed job and the worker holding it. */
    private record Held(Job job, UUID worker) {
        JobProgress from() {
            return job.progress();
        }
    }

    private void runFill(Held held, Caller caller) {
        do {
            transactions.run(() -> {
                licensing
                        .propagation()
                        .fillWaitingList(caller, new SkuId(held.job().target()));
                return null;
            });
        } while (transactions.run(() -> jobs.takeRerun(held.job(), held.worker())));
        complete(held);
    }

    private void complete(Held held) {
        transactions.run(() -> {
            jobs.complete(held.job(), held.worker());
            return null;
        });
    }

    private void runGroup(Held held, Caller caller) {
        GroupLicensing groups = licensing.groups();
        GroupId group = new GroupId(held.job().target());
        runChunks(
                held,
                new Chunks(
                        () -> groups.startRun(caller, group),
                        after -> {
                            GroupLicensing.Chunk c = groups.processChunk(caller, group, after, chunkSize);
                            return new Step(c.next(), c.users(), c.succeeded(), c.failed());
                        },
                        (succeeded, failed) -> groups.finishRun(caller, group, succeeded, failed)));
    }

    /**
     * Applies a dynamic group's rule to every user: each chunk commits its membership changes, the licenses that
     * follow them and the cursor together. The job's succeeded and failed counts hold how many users joined and left.
     */
    private void runRecompute(Held held, Caller caller) {
        GroupId group = new GroupId(held.job().target());
        runChunks(
                held,
                new Chunks(
                        () -> {},
                        after -> {
                            DynamicMembership.Chunk c = dynamic.recomputeChunk(caller, group, after, chunkSize);
                            return new Step(c.next(), c.users(), c.joined(), c.left());
                        },
                        (joined, left) -> {}));
    }

    /**
     * Moves a product's direct holders to group licensing, a chunk at a time (each chunk commits its changes, what it
     * did with each user and the cursor together). A run that ended (or is unknown) just completes its job.
     */
    private void runMigration(Held held) {
        Job job = held.job();
        UUID run = job.target();
        if (!transactions.read(() -> migrations.underWay(job.tenant(), run))) {
            complete(held);
            return;
        }
        runChunks(
                held,
                new Chunks(
                        () -> migrations.begin(job.tenant(), run),
                        after -> {
                            DirectToGroupJob.Chunk c = migrations.chunk(job.tenant(), run, after, chunkSize);
                            return new Step(c.next(), c.users(), c.moved(), c.kept());
                        },
                        (moved, kept) -> migrations.finish(job.tenant(), run)));
    }

    /**
     * Runs a license check (false: put back, because the tenant's licensing work is still under way): a dry run
     * through {@link DryRuns}; a repair a chunk at a time, as every licensing unit of work. A job whose run is over (it
     * failed, or ended before a crash let the job be claimed again) just completes.
     */
    private boolean runCheck(Held held) {
        Job job = held.job();
        LicenseCheckRunId id = new LicenseCheckRunId(job.target());
        Optional<LicenseCheckRun> run = transactions.read(() -> check.run(job.tenant(), id));
        if (run.isEmpty() || !run.get().state().underWay()) {
            complete(held);
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
        runChunks(
                held,
                new Chunks(
                        () -> check.start(job.tenant(), id),
                        after -> {
                            LicenseCheck.Chunk c = check.check(job.tenant(), id, after, chunkSize);
                            return new Step(c.next(), c.users(), c.found(), c.repaired());
                        },
                        (found, repaired) -> check.finish(job.tenant(), id)));
        return true;
    }

    /** A dry run from the job's cursor, then its end (or, asked for again meanwhile, again from the start). */
    private void runDryRun(Held held, LicenseCheckRunId id) {
        Job job = held.job();
        JobProgress from = held.from();
        while (true) {
            dryRuns.run(job.tenant(), id, from, at -> requireLease(held, at));
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

    /** Work done a chunk of users at a time in id order: marked started, chunks, marked finished with two counts. */
    private record Chunks(Runnable start, Function<UserId, Step> next, BiConsumer<Integer, Integer> finish) {}

    /** What one chunk did: where the next starts (null: done), how many users it processed, and the two counts. */
    private record Step(UserId next, int users, int succeeded, int failed) {}

    /**
     * Runs chunked work from the job's cursor. Each chunk commits with the cursor and counts, without waiting for its
     * commit to reach the disk ({@link Transactions#runRedoable}); at the end, a job asked for again while it ran
     * starts over from the first user.
     */
    private void runChunks(Held held, Chunks chunks) {
        JobProgress at = held.from();
        while (true) {
            if (!at.started()) {
                transactions.run(() -> {
                    chunks.start().run();
                    requireLease(held, new JobProgress(true, null, 0, 0, 0));
                    return null;
                });
                at = new JobProgress(true, null, 0, 0, 0);
            }
            JobProgress before = at;
            // a chunk lost in a crash of the database is done again from the cursor it committed with; the job's
            // end is committed durably, which makes every chunk before it durable too
            at = transactions.runRedoable(() -> {
                Step c = chunks.next().apply(before.cursor());
                JobProgress after = new JobProgress(
                        true,
                        c.next(),
                        before.processed() + c.users(),
                        before.succeeded() + c.succeeded(),
                        before.failed() + c.failed());
                requireLease(held, after);
                return after;
            });
            if (at.cursor() != null) {
                continue;
            }
            JobProgress done = at;
            boolean again = transactions.run(() -> {
                if (jobs.takeRerun(held.job(), held.worker())) {
                    return true;
                }
                chunks.finish().accept(done.succeeded(), done.failed());
                jobs.complete(held.job(), held.worker());
                return false;
            });
            if (!again) {
                return;
            }
            at = JobProgress.NONE;
        }
    }

    /** Records where the job stands within the running unit of work; throws when the worker lost the job. */
    private void requireLease(Held held, JobProgress at) {
        if (!jobs.progress(held.job(), held.worker(), lease, at)) {
            throw new LostLease(held.job());
        }
    }
}
