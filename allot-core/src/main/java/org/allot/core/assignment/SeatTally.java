package org.allot.core.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;

/**
 * What a dry run's part counted of the seats, for a recount of every SKU's figures from the users it read anyway: the
 * figures as stored, and per SKU the users of its range holding a seat (deleted ones included, as they keep theirs)
 * and those waiting for one (living ones: deleted users are not in the queue). Parts that read one consistent state
 * add up to the recount of the whole tenant.
 */
public record SeatTally(Map<SkuId, SeatCount> figures, Map<SkuId, Integer> holding, Map<SkuId, Integer> waiting) {
    public SeatTally {
        figures = Map.copyOf(figures);
        holding = Map.copyOf(holding);
        waiting = Map.copyOf(waiting);
    }

    /** Nothing counted yet. */
    public static SeatTally none() {
        return new SeatTally(Map.of(), Map.of(), Map.of());
    }

    /** The counts of two parts of one consistent read together (their figures are the same). */
    public SeatTally plus(SeatTally other) {
        return new SeatTally(
                figures.isEmpty() ? other.figures : figures, sum(holding, other.holding), sum(waiting, other.waiting));
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
                }
                if (a.isWaiting() && !user.deleted() && !counted(assignments, i, false)) {
                    select(a.sku());
                    lastWaiting[0]++;
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

        SeatTally tally(Map<SkuId, SeatCount> figures) {
            return new SeatTally(figures, counts(holding), counts(waiting));
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
