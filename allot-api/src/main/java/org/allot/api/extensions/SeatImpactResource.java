package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.UUID;

/**
 * What a group license change would do, computed without applying it: per SKU, the seats it would take and free,
 * who would wait for a seat and who would lose the license; and how many guest members would not be licensed.
 */
@JsonRootName("SeatImpact")
public record SeatImpactResource(String groupId, int members, int guestMembers, List<Sku> skus) {

    public record Sku(
            UUID skuId,
            String skuPartNumber,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<String> wouldWaitUserIds,
            int wouldLose,
            List<String> wouldLoseUserIds) {}
}
