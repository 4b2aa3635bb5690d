package org.allot.core.reclaim;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Rejection;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * A product's reclaim policy: whose seats are listed, and whether its scheduled run acts on the list.
 *
 * @param inactiveDays lists holders without a sign-in or logon for this many days (null: activity is not looked at)
 * @param disabledDays lists holders whose account has been disabled, or who have been deleted, for this many days
 *     (null: not looked at)
 * @param recentDays leaves out licenses granted or changed in the last this many days (0: none left out)
 * @param exemptUsers users never listed
 * @param exemptGroups groups whose members, directly or through nested groups, are never listed
 */
public record ReclaimPolicy(
        SkuId sku,
        Integer inactiveDays,
        Integer disabledDays,
        int recentDays,
        Set<UserId> exemptUsers,
        Set<GroupId> exemptGroups,
        ReclaimMode mode) {
    public static final int MAX_DAYS = 3650;
    public static final int MAX_EXEMPTIONS = 1000;

    public ReclaimPolicy {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(mode, "mode");
        exemptUsers = Set.copyOf(exemptUsers);
        exemptGroups = Set.copyOf(exemptGroups);
    }

    /** Why the policy cannot be kept, if it cannot. */
    public Optional<Rejection> problem() {
        if (inactiveDays == null && disabledDays == null) {
            return Optional.of(Rejection.invalid("A reclaim policy needs 'inactiveDays', 'disabledDays' or both."));
        }
        if (outOfRange(inactiveDays, 1) || outOfRange(disabledDays, 0) || outOfRange(recentDays, 0)) {
            return Optional.of(Rejection.invalid(
                    "Days of a reclaim policy are whole numbers up to %d ('inactiveDays' at least 1).", MAX_DAYS));
        }
        if (exemptUsers.size() + exemptGroups.size() > MAX_EXEMPTIONS) {
            return Optional.of(Rejection.invalid("A reclaim policy takes at most %d exemptions.", MAX_EXEMPTIONS));
        }
        return Optional.empty();
    }

    private static boolean outOfRange(Integer days, int min) {
        return days != null && (days < min || days > MAX_DAYS);
    }
}
