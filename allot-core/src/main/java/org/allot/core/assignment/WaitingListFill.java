package org.allot.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * Gives the seats a unit of work left free to the waiting lists: a SKU's, or of a pooled SKU each pool's (and its
 * remainder's), in the order of {@link WaitingOrder} and up to a budget of users per unit of work; what the budget
 * leaves, or a waiting user busy in another unit of work, is left to a background job ({@link
 * LicenseJobs#fillWaitingList}).
 */
final class WaitingListFill {
    private final Assignments assignments;
    private final LicenseJobs jobs;
    private final Recomputation recomputation;
    private final int fillLimit;

    WaitingListFill(Assignments assignments, LicenseJobs jobs, Recomputation recomputation, int fillLimit) {
        this.assignments = Objects.requireNonNull(assignments);
        this.jobs = Objects.requireNonNull(jobs);
        this.recomputation = Objects.requireNonNull(recomputation);
        this.fillLimit = fillLimit;
    }

    /**
     * Serves, in SKU order, every waiting list that the work's seat figures owe seats to: the waiting users served are
     * evaluated and written ({@code commit}) as {@code filling}, a unit of work on the same figures.
     */
    void serve(Reconciler.Work work, Reconciler.Work filling, BiConsumer<Reconciler.Work, Reconciler.Batch> commit) {
        int budget = fillLimit;
        for (SkuId sku : new TreeSet<>(work.ledger.owing())) {
            boolean pooled = work.context.pools().pooled(sku);
            for (AllotmentId pool : work.ledger.buckets(sku)) {
                budget = serve(work, filling, commit, sku, pooled, pool, budget);
            }
        }
    }

    /**
     * Serves one waiting list that has free seats: a SKU's, or of a pooled SKU one pool's (or its remainder's), in the
     * order of {@link WaitingOrder}; what the budget leaves, or a waiting user busy elsewhere, is left to a job.
     */
    private int serve(
            Reconciler.Work work,
            Reconciler.Work filling,
            BiConsumer<Reconciler.Work, Reconciler.Batch> commit,
            SkuId sku,
            boolean pooled,
            AllotmentId pool,
            int budget) {
        Optional<AllotmentId> inPool = Optional.ofNullable(pool);
        while (true) {
            int owed = work.ledger.owed(sku, pool);
            if (owed == 0) {
                return budget;
            }
            if (budget <= 0) {
                jobs.fillWaitingList(work.tenant(), sku);
                return budget;
            }
            int limit = Math.min(owed, budget);
            List<UserId> heads = pooled
                    ? assignments.waitingInPool(work.tenant(), sku, inPool, limit)
                    : assignments.waiting(work.tenant(), sku, limit);
            if (heads.isEmpty()) {
                if (pooled) {
                    int left = assignments
                            .waitingInPool(work.tenant(), sku, inPool, Integer.MAX_VALUE)
                            .size();
                    if (pool == null) {
                        return budget; // the remainder's figure is the SKU's less its pools': nobody left to serve
                    }
                    work.ledger.correctWaiting(sku, pool, left);
                } else {
                    work.ledger.correctWaiting(sku, assignments.countWaiting(work.tenant(), sku));
                }
                continue;
            }
            Map<UserId, LicenseSubject> locked = assignments.tryLock(work.tenant(), heads);
            if (locked.size() < heads.size()) {
                // a waiting user is busy in another unit of work: serve the list in order from a job
                jobs.fillWaitingList(work.tenant(), sku);
                return budget;
            }
            work.ledger.admit(sku, heads);
            commit.accept(filling, recomputation.evaluate(filling, locked, heads, Changes.NONE));
            budget -= heads.size();
        }
    }
}
