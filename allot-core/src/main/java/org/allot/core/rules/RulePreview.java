package org.allot.core.rules;

import java.util.List;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * What a membership rule would do if it were saved, computed without changing anything: who matches, who would join
 * and leave the group compared with its members today, and what that means for the seats of the group's licenses.
 * Lists hold the first users in id order (at most the page size asked for); counts are exact.
 *
 * @param matching how many users (not deleted) the rule matches
 * @param joining matching users who are not members today
 * @param leaving members today whom the rule does not match
 * @param seats for each license the group assigns, its seat impact (empty for a group without licenses)
 */
public record RulePreview(
        String rule,
        long matching,
        List<Person> firstMatching,
        long joining,
        List<Person> firstJoining,
        long leaving,
        List<Person> firstLeaving,
        List<SeatImpact> seats) {

    public RulePreview {
        firstMatching = List.copyOf(firstMatching);
        firstJoining = List.copyOf(firstJoining);
        firstLeaving = List.copyOf(firstLeaving);
        seats = List.copyOf(seats);
    }

    /** A user as a list shows them. */
    public record Person(UserId id, String userPrincipalName, String displayName) {
        static Person of(User user) {
            return new Person(user.id(), user.userPrincipalName(), user.displayName());
        }
    }

    /**
     * The seat impact on one license of the group.
     *
     * @param product the product's name and part number
     * @param newSeats joiners who do not hold the SKU yet and would take a seat (guests are left out when the tenant
     *     does not license guests through groups)
     * @param available free seats today
     * @param waiting users already waiting for a seat of the SKU, who are served first
     * @param freedByLeavers leavers who hold the SKU only through this group and would give their seat back
     * @param wouldWait joiners who would find no seat and wait in CountViolation
     * @param losing leavers who would lose the license (same as {@code freedByLeavers})
     * @param firstLosing the first of them
     */
    public record SeatImpact(
            SkuId sku,
            String product,
            long newSeats,
            int available,
            int waiting,
            long freedByLeavers,
            long wouldWait,
            long losing,
            List<Person> firstLosing) {
        public SeatImpact {
            firstLosing = List.copyOf(firstLosing);
        }
    }
}
