package org.allot.core.reclaim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * One seat a reclaim report lists.
 *
 * @param since the date the reason counts from: the last activity, the creation of a user who never signed in, when
 *     the account was disabled or the user deleted
 * @param groups the names of the groups the license comes from (to act on them), empty for a direct license
 * @param monthlySaving what freeing the seat saves per month, null when the product has no price
 * @param outcome what happened to it: {@code Reported} until a run applies it
 */
public record ReclaimItem(
        UserId user,
        String userPrincipalName,
        String displayName,
        SkuId sku,
        ReclaimReason reason,
        Instant since,
        ReclaimAction action,
        List<String> groups,
        MonthlyPrice monthlySaving,
        Outcome outcome,
        String message) {

    /** What a run did with a listed seat. */
    public enum Outcome {
        /** Listed, nothing done (yet). */
        Reported,
        /** The license was removed. */
        Removed,
        /** Left for an administrator (group-derived, or a deleted user). */
        Left,
        /** Nothing to do any more: the license was already gone. */
        AlreadyGone,
        /** The removal was refused; {@code message} says why. */
        Refused
    }

    public ReclaimItem {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        groups = List.copyOf(groups);
    }

    public ReclaimItem withOutcome(Outcome value, String why) {
        return new ReclaimItem(
                user, userPrincipalName, displayName, sku, reason, since, action, groups, monthlySaving, value, why);
    }
}
