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
     * the license (the first {@value #SAMPLE} of each, with the full counts).
     */
    public record Sku(
            SkuId sku,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<UserId> wouldWaitSample,
            int wouldLose,
            List<UserId> wouldLoseSample) {}

    public static final int SAMPLE = 100;
}
