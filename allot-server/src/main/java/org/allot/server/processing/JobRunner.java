package org.allot.server.processing;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.Licensing;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.rules.DynamicMembership;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.persistence.JdbcLicenseJobs.Job;
import org.allot.server.persistence.JdbcLicenseJobs.LostLease;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.worker.PollingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs background licensing jobs. Each chunk of a group job commits its assignments together with the job's cursor,
 * so a worker that dies loses at most the chunk in flight; once its lease runs out any worker of any server process
 * sharing the database carries on from the cursor, and processing a chunk again changes nothing.
 */
public final class JobRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcLicenseJobs jobs;
    private final Licensing licensing;
    private final DynamicMembership dynamic;
    private final LicenseCheck check;
    private final LicenseCheckDryRun dryRuns;
    private final UnitOfWork work;
    private final int workers;
    private final int chunkSize;
    private final Duration lease;
    private final UUID worker = UUID.randomUUID();
    private final PollingWorkers polling;

    public JobRunner(
            JdbcLicenseJobs jobs,
            Licensing licensing,
            DynamicMembership dynamic,
            LicenseCheck check,
            LicenseCheckDryRun dryRuns,
            UnitOfWork work,
            int workers,
            int chunkSize,
            Duration pollInterval,
            Duration lease) {
        this.jobs = jobs;
        this.licensing = licensing;
        this.dynamic = dynamic;
        this.check = check;
        this.dryRuns = dryRuns;
        this.work = work;
        this.workers = workers;
        this.chunkSize = chunkSize;
        this.lease = lease;
        this.polling = new PollingWorkers(
                log, "Background licensing worker", "allot-jobs", workers, pollInterval, () -> runOne() == Turn.RAN);
    }

    @Override
    public synchronized void start() {
        polling.start();
        log.info("Background licensing: {} worker(s) as {}", workers, worker);
    }

    @Override
    public synchronized void stop() {
        polling.stop();
        dryRuns.stop();
        try {
            jobs.releaseAll(worker);
        } catch (RuntimeException e) {
            log.debug("could not release job leases on shutdown", e);
        }
    }

    @Override
    public boolean isRunning() {
        return polling.isRunning();
    }

    /** Stops before the database does. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Runs jobs until none is claimable; returns how many ran. For tests and tools that drive processing. */
    public int runPending() {
        int ran = 0;
        int postponed = 0;
        for (Turn turn = runOne(); turn != Turn.IDLE && postponed < 2; turn = runOne()) {
            if (turn == Turn.RAN) {
                ran++;
                postponed = 0;
            } else {
                postponed++;
            }
        }
        return ran;
    }

    /** What a worker's turn did: found nothing to do, ran a job (or part of one), or put a job back for later. */
    private enum Turn {
        IDLE,
        RAN,
        POSTPONED
    }

    private Turn runOne() {
        Optional<Job> claimed = work.execute(() -> jobs.claim(worker, lease));
        if (claimed.isEmpty()) {
            return Turn.IDLE;
        }
        Job job = claimed.get();
        Caller caller = new Caller(job.tenant(), Actor.GROUP_BASED_LICENSING, "job-" + job.id());
        try {
            switch (job.kind()) {
                case JdbcLicenseJobs.GROUP -> runGroup(job, caller);
                case JdbcLicenseJobs.RULE -> runRecompute(job, caller);
                case JdbcLicenseJobs.FILL -> runFill(job, caller);
                case JdbcLicenseJobs.CHECK -> {
                    if (!runCheck(job)) {
                        return Turn.POSTPONED;
                    }
                }
                default -> throw new IllegalStateException("unknown job kind " + job.kind());
            }
        } catch (LostLease e) {
            log.info("{}; another worker carries on", e.getMessage());
        } catch (CancellationException e) {
            log.info(
                    "Job {} ({} {}) stopped: {}; a worker carries on",
                    job.id(),
                    job.kind(),
                    job.target(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Job {} ({} {}) failed on attempt {}", job.id(), job.kind(), job.target(), job.attempts(), e);
            work.execute(() -> {
                jobs.fail(job, worker, String.valueOf(e), MAX_ATTEMPTS, Duration.ofSeconds(5L * job.attempts()));
                if (job.kind().equals(JdbcLicenseJobs.CHECK) && job.attempts() >= MAX_ATTEMPTS) {
                    check.fail(job.tenant(), new LicenseCheckRunId(job.target()), String.valueOf(e));
                }
                return null;
            });
        }
        return Turn.RAN;
    }

    private void runFill(Job job, Caller caller) {
        do {
            work.execute(() -> {
                licensing.propagation().fillWaitingList(caller, new SkuId(job.target()));
                return null;
            });
        } while (work.execute(() -> jobs.takeRerun(job, worker)));
        work.execute(() -> {
            jobs.complete(job, worker);
            return null;
        });
    }

    private void runGroup(Job job, Caller caller) {
        GroupLicensing groups = licensing.groups();
        GroupId group = new GroupId(job.target());
        runChunks(
                job,
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
    private void runRecompute(Job job, Caller caller) {
        GroupId group = new GroupId(job.target());
        runChunks(
                job,
                new Chunks(
                        () -> {},
                        after -> {
                            DynamicMembership.Chunk c = dynamic.recomputeChunk(caller, group, after, chunkSize);
                            return new Step(c.next(), c.users(), c.joined(), c.left());
                        },
                        (joined, left) -> {}));
    }

    /**
     * Runs a license check (false: put back, because the tenant's licensing work is still under way): a dry run in
     * parts examined at once, each in one consistent read (nothing is locked, and a change committed meanwhile is
     * either wholly seen or not at all, see {@link LicenseCheckDryRun}); a repair a chunk at a time, as every licensing
     * unit of work. A job whose run is over (it failed, or ended before a crash let the job be claimed again) just
     * completes.
     */
    private boolean runCheck(Job job) {
        LicenseCheckRunId id = new LicenseCheckRunId(job.target());
        Optional<LicenseCheckRun> run = work.read(() -> check.run(job.tenant(), id));
        if (run.isEmpty() || !run.get().state().underWay()) {
            work.execute(() -> {
                jobs.complete(job, worker);
                return null;
            });
            return true;
        }
        if (!job.started() && !work.read(() -> check.mayStart(job.tenant()))) {
            work.execute(() -> {
                jobs.postpone(job, worker);
                return null;
            });
            return false;
        }
        if (run.get().dryRun()) {
            runDryRun(job, id);
            return true;
        }
        runChunks(
                job,
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
    private void runDryRun(Job job, LicenseCheckRunId id) {
        LicenseCheckDryRun.Position from = new LicenseCheckDryRun.Position(
                job.started(),
                job.cursor() == null ? null : new UserId(job.cursor()),
                job.processed(),
                job.succeeded());
        while (true) {
            dryRuns.run(
                    job.tenant(),
                    id,
                    from,
                    at -> requireLease(
                            jobs.progress(
                                    job,
                                    worker,
                                    lease,
                                    at.started(),
                                    at.cursor() == null ? null : at.cursor().value(),
                                    at.processed(),
                                    at.found(),
                                    job.failed()),
                            job));
            boolean again = work.execute(() -> {
                if (jobs.takeRerun(job, worker)) {
                    return true;
                }
                check.finish(job.tenant(), id);
                jobs.complete(job, worker);
                return false;
            });
            if (!again) {
                return;
            }
            from = new LicenseCheckDryRun.Position(false, null, 0, 0);
        }
    }

    /** Work done a chunk of users at a time in id order: marked started, chunks, marked finished with two counts. */
    private record Chunks(Runnable start, Function<UserId, Step> next, BiConsumer<Integer, Integer> finish) {}

    /** What one chunk did: where the next starts (null: done), how many users it processed, and the two counts. */
    private record Step(UserId next, int users, int succeeded, int failed) {}

    /**
     * Runs chunked work from the job's cursor. Each chunk commits with the cursor and counts; at the end, a job asked
     * for again while it ran starts over from the first user.
     */
    private void runChunks(Job job, Chunks chunks) {
        boolean started = job.started();
        UserId cursor = job.cursor() == null ? null : new UserId(job.cursor());
        int processed = job.processed();
        int succeeded = job.succeeded();
        int failed = job.failed();
        while (true) {
            if (!started) {
                work.execute(() -> {
                    chunks.start().run();
                    requireLease(jobs.progress(job, worker, lease, true, null, 0, 0, 0), job);
                    return null;
                });
                started = true;
            }
            UserId after = cursor;
            int p = processed;
            int s = succeeded;
            int f = failed;
            Step step = work.execute(() -> {
                Step c = chunks.next().apply(after);
                requireLease(
                        jobs.progress(
                                job,
                                worker,
                                lease,
                                true,
                                c.next() == null ? null : c.next().value(),
                                p + c.users(),
                                s + c.succeeded(),
                                f + c.failed()),
                        job);
                return c;
            });
            cursor = step.next();
            processed += step.users();
            succeeded += step.succeeded();
            failed += step.failed();
            if (cursor != null) {
                continue;
            }
            int total = succeeded;
            int failures = failed;
            boolean again = work.execute(() -> {
                if (jobs.takeRerun(job, worker)) {
                    return true;
                }
                chunks.finish().accept(total, failures);
                jobs.complete(job, worker);
                return false;
            });
            if (!again) {
                return;
            }
            started = false;
            processed = 0;
            succeeded = 0;
            failed = 0;
        }
    }

    private static void requireLease(boolean held, Job job) {
        if (!held) {
            throw new LostLease(job);
        }
    }
}
