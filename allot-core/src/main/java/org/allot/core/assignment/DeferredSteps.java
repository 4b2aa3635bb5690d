package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.allot.core.ConcurrentChange;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;

/**
 * The steps a deferred {@link SeatLedger} took on figures read without a lock, in order, and their replay on the
 * figures once locked: a seat taken or refused, given back, a waiting list joined or left, a seat moved between pools.
 * A step whose decision no longer holds on the locked figures ends the unit of work ({@link ConcurrentChange}).
 */
final class DeferredSteps {
    /** What a deferred ledger did to a SKU's figures; a seat asked for also records whether it was given. */
    record Step(SkuId sku, Kind kind, UserId user, boolean waiting, boolean taken, AllotmentId pool, AllotmentId to) {
        enum Kind {
            TAKE,
            RELEASE,
            JOIN,
            LEAVE,
            MOVE
        }
    }

    /** The seats a SKU's steps took (less those they gave back) and the waiting users they added (less those who left). */
    record Totals(int consumed, int waiting) {
        boolean none() {
            return consumed == 0 && waiting == 0;
        }
    }

    private final List<Step> steps = new ArrayList<>();

    void add(Step step) {
        steps.add(step);
    }

    /**
     * Locks the figures the steps touched and replays the steps on them: the seats are taken with the commit when all
     * were taken for newcomers ({@link #takenAtCommit}); otherwise each SKU's row (and its pools') is locked, in SKU
     * order, and its steps replayed on it, decided again by the ledger's rules.
     *
     * @throws ConcurrentChange when a seat taken or refused on the unlocked figures would now be refused or taken
     */
    void lockAndReplay(SeatFigures figures, SeatLedger rules) {
        PoolSeats pools = figures.pools();
        Map<SkuId, List<Step>> bySku = bySku();
        if (!figures.takeAtCommit(takenAtCommit(bySku, figures, rules, pools))) {
            // a pooled SKU's pool rows are locked right after its row, and the steps replayed on both
            figures.lockReplaying(bySku, (count, skuSteps) -> {
                SeatCount replayed = count;
                for (Step step : skuSteps) {
                    replayed = replay(replayed, step, rules, pools);
                }
                return replayed;
            });
        }
    }

    /**
     * When every step took a seat for a newcomer while nobody waited for the SKU, the decision holds on any figures
     * where nobody waits and as many seats are free: the seats to take with the commit ({@link
     * org.allot.core.subscription.Seats#takeAtCommit}), after which the ledger keeps the figures it decided on. None
     * otherwise.
     */
    private static Map<SkuId, Integer> takenAtCommit(
            Map<SkuId, List<Step>> bySku, SeatFigures figures, SeatLedger rules, PoolSeats pools) {
        Map<SkuId, Integer> taken = new TreeMap<>();
        for (Map.Entry<SkuId, List<Step>> sku : bySku.entrySet()) {
            if (!newcomersTook(sku.getValue(), rules.admitted(sku.getKey()))
                    || pools.pooled(sku.getKey())
                    || figures.waitingRead(sku.getKey()) > 0) {
                return Map.of();
            }
            taken.put(sku.getKey(), sku.getValue().size());
        }
        return taken;
    }

    /** The steps by SKU, in SKU order (the order the seat rows are locked in), each SKU's in the order taken. */
    private Map<SkuId, List<Step>> bySku() {
        Map<SkuId, List<Step>> bySku = new TreeMap<>();
        steps.forEach(step ->
                bySku.computeIfAbsent(step.sku(), s -> new ArrayList<>()).add(step));
        return bySku;
    }

    static Totals totals(List<Step> skuSteps) {
        int consumed = 0;
        int waiting = 0;
        for (Step step : skuSteps) {
            switch (step.kind()) {
                case TAKE -> consumed += step.taken() ? 1 : 0;
                case RELEASE -> consumed--;
                case JOIN -> waiting++;
                case LEAVE -> waiting--;
                case MOVE -> {}
            }
        }
        return new Totals(consumed, waiting);
    }

    /** Whether every step of a SKU took a seat for a newcomer: nobody waiting, nobody admitted ahead of others. */
    private static boolean newcomersTook(List<Step> skuSteps, Set<UserId> admitted) {
        return skuSteps.stream()
                .allMatch(step -> step.kind() == Step.Kind.TAKE
                        && step.taken()
                        && !step.waiting()
                        && !admitted.contains(step.user()));
    }

    /**
     * One step on the locked figures of its SKU (and of its pools, changed as it goes), decided again by the ledger's
     * rules.
     *
     * @throws ConcurrentChange when a seat taken or refused, or moved, would now be refused or taken
     */
    static SeatCount replay(SeatCount count, Step step, SeatLedger rules, PoolSeats pools) {
        return switch (step.kind()) {
            case TAKE -> {
                boolean may = rules.mayTake(count, step.sku(), step.user(), step.waiting(), step.pool());
                if (may != step.taken()) {
                    throw new ConcurrentChange("the seats of " + step.sku() + " changed while a unit of work decided");
                }
                if (may) {
                    pools.add(step.pool(), 1, 0);
                }
                yield may ? count.withConsumed(count.consumed() + 1) : count;
            }
            case RELEASE -> {
                pools.add(step.pool(), -1, 0);
                yield count.withConsumed(count.consumed() - 1);
            }
            case JOIN -> {
                pools.add(step.pool(), 0, 1);
                yield count.withWaiting(count.waiting() + 1);
            }
            case LEAVE -> {
                pools.add(step.pool(), 0, -1);
                yield count.withWaiting(count.waiting() - 1);
            }
            case MOVE -> {
                if (!step.taken()) {
                    yield count;
                }
                if (!rules.fitsMove(count, step.sku(), step.to())) {
                    throw new ConcurrentChange("the pools of " + step.sku() + " changed while a unit of work decided");
                }
                pools.add(step.pool(), -1, 0);
                pools.add(step.to(), 1, 0);
                yield count;
            }
        };
    }
}
