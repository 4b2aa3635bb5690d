package org.allot.api.extensions;

import java.util.List;
import java.util.UUID;

/**
 * What a dynamic group's membership rule would do if it were saved, computed without changing anything: the users it
 * matches, who would join and leave compared with the group's members today, and the seat impact on each license the
 * group assigns. Lists hold the first users in id order; counts are exact.
 */
public record MembershipRulePreview(
        String groupId,
        String membershipRule,
        long matchingCount,
        List<Person> matching,
        long joiningCount,
        List<Person> joining,
        long leavingCount,
        List<Person> leaving,
        List<License> licenses) {

    /** A user as the preview lists them. */
    public record Person(String id, String userPrincipalName, String displayName) {}

    /**
     * The seat impact on one license of the group: seats joiners would take, free seats today, users already waiting
     * (served first), seats leavers would give back, joiners who would wait, leavers who would lose the license.
     */
    public record License(
            UUID skuId,
            String skuPartNumber,
            long seatsTaken,
            int availableNow,
            int alreadyWaiting,
            long seatsFreed,
            long wouldWait,
            long wouldLose,
            List<Person> wouldLoseUsers) {}
}
