package org.allot.core.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;

/**
 * What a dry run's part counted of the seats, for a recount of every SKU's figures from the users it read anyway: the
 * figures as stored, and per SKU the users of its range holding a seat (deleted ones included, as they keep theirs)
 * and those waiting for one (living ones: deleted users are not in the queue); the same per allotment (the pool each
 * assignment records), with the pools as read ({@code book}) and their figures as stored ({@code poolFigures}). Parts
 * that read one consistent state add up to the recount of the whole tenant.
 */
public record SeatTally(
        Map<SkuId, SeatCount> figures,
        Map<SkuId, Integer> holding,
        Map<SkuId, Integer> waiting,
        PoolBook book,
        Map<AllotmentId, AllotmentCount> poolFigures,
        Map<AllotmentId, AllotmentCount> poolCounts) {
    public SeatTally {
        figures = Map.copyOf(figures);
        holding = Map.copyOf(holding);
        waiting = Map.copyOf(waiting);
        book = book == null ? PoolBook.EMPTY : book;
        poolFigures = Map.copyOf(poolFigures);
        poolCounts = Map.copyOf(poolCounts);
    }

    /** Nothing counted yet. */
    public static SeatTally none() {
        return new SeatTally(Map.of(), Map.of(), Map.of(), PoolBook.EMPTY, Map.of(), Map.of());
    }

    /** The counts of two parts of one consistent read together (their figures are the same). */
    public SeatTally plus(SeatTally other) {
        Map<AllotmentId, AllotmentCount> pools = new HashMap<>(poolCounts);
        other.poolCounts.forEach((pool, n) -> pools.merge(pool, n, (a, b) -> a.plus(b.consumed(), b.waiting())));
        return new SeatTally(
                figures.isEmpty() ? other.figures : figures,
                sum(holding, other.holding),
                sum(waiting, other.waiting),
                book.isEmpty() ? other.book : book,
                poolFigures.isEmpty() ? other.poolFigures : poolFigures,
                pools);
    }

    /** What the part counted of a pool: its holders and waiting users. */
    AllotmentCount pool(AllotmentId pool) {
        return poolCounts.getOrDefault(pool, AllotmentCount.EMPTY);
    }

    int holding(SkuId sku) {
        return holding.getOrDefault(sku, 0);
    }

    int waiting(SkuId sku) {
        return waiting.getOrDefault(sku, 0);
    }

    private static Map<SkuId, Integer> sum(Map<SkuId, Integer> a, Map<SkuId, Integer> b) {
        Map<SkuId, Integer> sum = new HashMap<>(a);
        b.forEach((sku, n) -> sum.merge(sku, n, Integer::sum));
        return sum;
    }

    /** Counts users of a part, as they are read. */
    static final class Counter {
        private final Map<SkuId, int[]> holding = new HashMap<>();
        private final Map<SkuId, int[]> waiting = new HashMap<>();
        private final Map<AllotmentId, int[]> pools = new HashMap<>();
        private SkuId lastSku;
        private int[] lastHolding;
        private int[] lastWaiting;

        /** A user with these assignments: counted once per SKU they hold, and once per SKU they wait for. */
        void count(LicenseSubject user, List<LicenseAssignment> assignments) {
            for (int i = 0; i < assignments.size(); i++) {
                LicenseAssignment a = assignments.get(i);
                if (a.holdsSeat() && !counted(assignments, i, true)) {
                    select(a.sku());
                    lastHolding[0]++;
                    if (a.pool() != null) {
                        pools.computeIfAbsent(a.pool(), p -> new int[2])[0]++;
                    }
                }
                if (a.isWaiting() && !user.deleted() && !counted(assignments, i, false)) {
                    select(a.sku());
                    lastWaiting[0]++;
                    if (a.pool() != null) {
                        pools.computeIfAbsent(a.pool(), p -> new int[2])[1]++;
                    }
                }
            }
        }

        /** Whether an assignment before the i-th, of the same SKU, counted the user already. */
        private static boolean counted(List<LicenseAssignment> assignments, int i, boolean holding) {
            SkuId sku = assignments.get(i).sku();
            for (int j = 0; j < i; j++) {
                LicenseAssignment before = assignments.get(j);
                if (before.sku().equals(sku) && (holding ? before.holdsSeat() : before.isWaiting())) {
                    return true;
                }
            }
            return false;
        }

        /** The counters of the SKU (most users have one of the SKU counted just before). */
        private void select(SkuId sku) {
            if (!sku.equals(lastSku)) {
                lastSku = sku;
                lastHolding = holding.computeIfAbsent(sku, s -> new int[1]);
                lastWaiting = waiting.computeIfAbsent(sku, s -> new int[1]);
            }
        }

        /** What was counted, with the figures, pools and pools' figures the part read. */
        SeatTally tally(Map<SkuId, SeatCount> figures, PoolBook book, Map<AllotmentId, AllotmentCount> poolFigures) {
            Map<AllotmentId, AllotmentCount> counted = new HashMap<>();
            pools.forEach((pool, n) -> counted.put(pool, new AllotmentCount(n[0], n[1])));
            return new SeatTally(figures, counts(holding), counts(waiting), book, poolFigures, counted);
        }

        private static Map<SkuId, Integer> counts(Map<SkuId, int[]> counters) {
            Map<SkuId, Integer> counts = new HashMap<>();
            counters.forEach((sku, n) -> {
                if (n[0] > 0) {
                    counts.put(sku, n[0]);
                }
            });
            return counts;
        }
    }
}
