package org.allot.api.extensions;

import java.util.List;

/**
 * What a direct → group migration of a product would do. {@code seatsUsedBefore} and {@code seatsUsedAfter} are the
 * same by construction: a user is moved only when they keep their seat.
 *
 * @param moving users whose direct license would be removed ({@code joining} of them join the group first)
 * @param plansDiffer users whose enabled plans would change (kept unless plan changes are accepted)
 * @param notInherited users whose license from a group does not work for them (in error, waiting, not applied yet)
 * @param noGroup users who inherit the product from no group (and no group was chosen, or it cannot take them)
 * @param disabledPlansDiffer users whose direct license switches off other plans than their groups' licenses do
 * @param users the first 1,000 direct holders, one by one
 */
public record LicenseMigrationPreview(
        String skuId,
        String skuPartNumber,
        String groupId,
        String groupDisplayName,
        Boolean acceptPlanChanges,
        Integer directHolders,
        Integer moving,
        Integer joining,
        Integer keeping,
        Integer plansDiffer,
        Integer notInherited,
        Integer noGroup,
        Integer disabledPlansDiffer,
        Integer seatsUsedBefore,
        Integer seatsUsedAfter,
        List<User> users) {

    /**
     * One direct holder.
     *
     * @param verdict {@code NEUTRAL}, {@code PLANS_DIFFER}, {@code NOT_INHERITED} or {@code NO_GROUP}
     */
    public record User(
            String id,
            String userPrincipalName,
            String verdict,
            Boolean moves,
            Boolean joinsGroup,
            String reason,
            List<String> plansGained,
            List<String> plansLost,
            Boolean disabledPlansDiffer) {}
}
