package org.allot.core.assignment;

import java.util.List;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * What a group license change would do, worked out without applying it.
 *
 * @param members the users it concerns (members, and former holders of the group's licenses)
 * @param guestMembers members who are guests (not licensed through groups when the tenant blocks it)
 */
public record SeatImpact(int members, int guestMembers, List<Sku> skus) {

    /**
     * Per SKU: free seats now, seats the change would take and free, who would wait for a seat and who would lose
     * the license (the first {@value #SAMPLE} of each, with the full counts); and for a SKU split into allotments, the
     * same figures per pool and for the remainder ({@code pools}, empty for a SKU without pools).
     */
    public record Sku(
            SkuId sku,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<UserId> wouldWaitSample,
            int wouldLose,
            List<UserId> wouldLoseSample,
            List<Pool> pools) {
        public Sku {
            pools = List.copyOf(pools);
        }
    }

    /**
     * One pool of a SKU (its {@code allotment}; null for the remainder) before and after the change: the seats it has
     * ({@link PoolBook#caps}: its cap, as far as the subscription holds; the remainder's: those in no pool), the users
     * holding a seat drawn from it and those waiting for one, now and after.
     */
    public record Pool(
            Allotment allotment, int seats, int consumedNow, int consumedAfter, int waitingNow, int waitingAfter) {
        /** Seats of the pool still free after the change. */
        public int availableAfter() {
            return Math.max(0, seats - consumedAfter);
        }

        /** Whether the change would leave users waiting for a seat of this pool who do not wait now. */
        public boolean fillsAndQueues() {
            return waitingAfter > waitingNow;
        }
    }

    public static final int SAMPLE = 100;
}
