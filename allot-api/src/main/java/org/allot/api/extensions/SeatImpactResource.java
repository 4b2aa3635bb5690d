package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;

/**
 * What a group license change would do, computed without applying it: per SKU, the seats it would take and free,
 * who would wait for a seat and who would lose the license; for a SKU split into allotments, the same per pool; and
 * how many guest members would not be licensed.
 */
@JsonRootName("SeatImpact")
public record SeatImpactResource(String groupId, int members, int guestMembers, List<Sku> skus) {

    /**
     * @param allotments for a SKU split into allotments, each pool in the SKU's order and then the unallotted
     *     remainder (with no id, name or cap); empty for a SKU without pools
     */
    public record Sku(
            UUID skuId,
            String skuPartNumber,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<String> wouldWaitUserIds,
            int wouldLose,
            List<String> wouldLoseUserIds,
            List<Allotment> allotments) {
        public Sku {
            allotments = allotments == null ? List.of() : List.copyOf(allotments);
        }
    }

    /**
     * One pool of a SKU before and after the change (the remainder: {@code allotmentId}, {@code displayName} and
     * {@code cap} null).
     *
     * @param cap the most seats the pool may hold
     * @param seats the seats it has: its cap, or fewer when the SKU has fewer enabled seats than the caps; the
     *     remainder's: the enabled seats in no pool
     * @param consumedUnitsAfter users holding a seat drawn from it after the change
     * @param waitingUnitsAfter users waiting for one of its seats after the change: more than now means the pool fills
     *     and queues, even while other pools or the remainder have free seats
     */
    public record Allotment(
            String allotmentId,
            String displayName,
            Integer cap,
            int seats,
            int consumedUnitsNow,
            int consumedUnitsAfter,
            int waitingUnitsNow,
            int waitingUnitsAfter) {}
}
