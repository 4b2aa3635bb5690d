package org.allot.core.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.allot.core.Transactions;
import org.allot.core.directory.UserId;

/**
 * Carries out a claimed job's work a chunk of users at a time, each chunk in a unit of work of its own together with
 * the job's cursor, and answers for the job in the queue while it runs: its lease, its completion.
 */
final class ChunkedRuns {
    private final JobQueue jobs;
    private final Transactions transactions;
    private final Duration lease;

    ChunkedRuns(JobQueue jobs, Transactions transactions, Duration lease) {
        this.jobs = Objects.requireNonNull(jobs);
        this.transactions = Objects.requireNonNull(transactions);
        this.lease = Objects.requireNonNull(lease);
    }

    /**
     * Work done a chunk of users at a time in id order: marked started, chunks, marked finished with two counts.
     * {@code hold} locks, first in the last unit of work, the rows {@code finish} writes that a unit of work queueing
     * the job again takes before the job's row (a group's, for its processing state), so that the two take them in
     * the same order.
     */
    record Chunks(Runnable start, Function<UserId, Step> next, BiConsumer<Integer, Integer> finish, Runnable hold) {
        Chunks(Runnable start, Function<UserId, Step> next, BiConsumer<Integer, Integer> finish) {
            this(start, next, finish, () -> {});
        }
    }

    /** What one chunk did: where the next starts (null: done), how many users it processed, and the two counts. */
    record Step(UserId next, int users, int succeeded, int failed) {}

    /**
     * Runs chunked work from the job's cursor. Each chunk commits with the cursor and counts, without waiting for its
     * commit to reach the disk ({@link Transactions#runRedoable}); at the end, a job asked for again while it ran
     * starts over from the first user.
     */
    void run(HeldJob held, Chunks chunks) {
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
                chunks.hold().run();
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

    /** Completes the job in a unit of work of its own. */
    void complete(HeldJob held) {
        transactions.run(() -> {
            jobs.complete(held.job(), held.worker());
            return null;
        });
    }

    /** Records where the job stands within the running unit of work; throws when the worker lost the job. */
    void requireLease(HeldJob held, JobProgress at) {
        if (!jobs.progress(held.job(), held.worker(), lease, at)) {
            throw new LostLease(held.job());
        }
    }
}
