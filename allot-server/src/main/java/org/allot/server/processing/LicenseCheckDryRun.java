package org.allot.server.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.SeatTally;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.jobs.DryRuns;
import org.allot.core.jobs.JobProgress;
import org.allot.server.persistence.SharedSnapshots;

/**
 * Carries out a dry run of the license check in ranges of about {@code rangeSize} users, {@code threads} of them
 * examined at once, each in a transaction of its own that reads one snapshot of the database shared by all of them:
 * a run not interrupted reads one consistent state, as one transaction would. What each range found is recorded in id order
 * together with the job's cursor, each in a transaction of its own, so a server that dies loses at most the ranges in
 * flight and any server carries on from the cursor. The seat figures are compared last with what the ranges counted
 * of the seats; a run carried on from a cursor, whose ranges did not all read one snapshot, recounts them instead.
 */
public final class LicenseCheckDryRun implements DryRuns {
    /** Ranges examined at once unless told otherwise: one per processor, at most this many (each holds a connection). */
    private static final int MOST_THREADS = 4;

    private final LicenseCheck check;
    private final Transactions work;
    private final SharedSnapshots snapshots;
    private final int rangeSize;
    private final int threads;
    private ExecutorService pool;

    public LicenseCheckDryRun(
            LicenseCheck check, Transactions work, SharedSnapshots snapshots, int rangeSize, int threads) {
        this.check = check;
        this.work = work;
        this.snapshots = snapshots;
        this.rangeSize = rangeSize;
        this.threads = threads > 0
                ? threads
                : Math.min(MOST_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Where a run stands: whether a range was recorded, the last user a recorded range covered (null: none, or the run
     * reached the end), and the users checked and differences found so far.
     */
    record Position(boolean started, UserId cursor, int processed, int found) {
        boolean atTheEnd() {
            return started && cursor == null;
        }
    }

    /**
     * Runs the dry run from {@code from} to its last user; {@code progress} is told, within the transaction that
     * records each range, where the run stands after it (and throws when the job is no longer this worker's). Throws
     * {@link CancellationException} when the worker is stopped meanwhile.
     */
    @Override
    public void run(TenantId tenant, LicenseCheckRunId id, JobProgress from, Consumer<JobProgress> progress) {
        run(
                tenant,
                id,
                new Position(from.started(), from.cursor(), from.processed(), from.succeeded()),
                at -> progress.accept(new JobProgress(at.started(), at.cursor(), at.processed(), at.found(), 0)));
    }

    /** The same, in this class's terms. */
    Position run(TenantId tenant, LicenseCheckRunId id, Position from, Consumer<Position> progress) {
        if (from.atTheEnd()) {
            return from;
        }
        if (!from.started()) {
            work.run(() -> check.begin(tenant, id));
        }
        List<UserRange> ranges = work.read(() -> check.ranges(tenant, from.cursor(), rangeSize, threads));
        Future<LicenseCheck.Findings> recount =
                from.started() ? pool().submit(() -> work.snapshot(() -> check.examineSeats(tenant, id))) : null;
        Deque<Future<LicenseCheck.Findings>> inFlight = new ArrayDeque<>();
        try (SharedSnapshots.Snapshot snapshot = snapshots.export()) {
            Iterator<UserRange> next = ranges.iterator();
            SeatTally counted = SeatTally.none();
            Position at = from;
            while (!at.atTheEnd()) {
                while (next.hasNext() && inFlight.size() <= threads) { // one more queued: no thread waits for a record
                    UserRange range = next.next();
                    inFlight.add(pool().submit(() -> work.snapshot(() -> {
                        snapshots.join(snapshot);
                        return check.examine(tenant, id, range, rangeSize);
                    })));
                }
                LicenseCheck.Findings found = await(inFlight.removeFirst());
                counted = counted.plus(found.seats());
                List<LicenseCheck.Findings> record = new ArrayList<>(List.of(found));
                if (found.range().last() == null) {
                    record.add(recount == null ? check.seatsCounted(counted) : await(recount));
                }
                at = recorded(tenant, id, at, record, progress);
            }
            return at;
        } finally {
            inFlight.forEach(part -> part.cancel(true));
            if (recount != null) {
                recount.cancel(true);
            }
        }
    }

    /** Records what a range found (the last one: and the seat figures), with where the run stands after it. */
    private Position recorded(
            TenantId tenant,
            LicenseCheckRunId id,
            Position at,
            List<LicenseCheck.Findings> record,
            Consumer<Position> progress) {
        Position after = new Position(
                true,
                record.get(0).range().last(),
                at.processed() + record.get(0).users(),
                at.found()
                        + record.stream().mapToInt(f -> f.differences().size()).sum());
        work.run(() -> {
            record.forEach(findings -> check.record(tenant, id, findings));
            progress.accept(after);
            return null;
        });
        return after;
    }

    private static LicenseCheck.Findings await(Future<LicenseCheck.Findings> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while a license check's parts were examined");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "allot-check-" + count.getAndIncrement());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /** Stops the threads that examine parts; a run under way is carried on from its cursor. */
    synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
