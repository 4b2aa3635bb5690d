package org.allot.core.reclaim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.allot.core.directory.UserId;

/**
 * Which holders of a product a policy lists, and why: the one place the reclaim rules live.
 *
 * <ol>
 *   <li>Exempt users, and members (directly or through nested groups) of exempt groups, are never listed.
 *   <li>A seat any of whose sources was granted or changed within the policy's recent days is not listed.
 *   <li>With disabled days: a deleted user deleted that long ago is listed as {@code Deleted}; a disabled account
 *       disabled that long ago as {@code Disabled}.
 *   <li>Otherwise, with inactive days: a user whose latest sign-in or logon is that old is listed as {@code Inactive};
 *       one with neither, created that long ago, as {@code NeverSignedIn}.
 * </ol>
 *
 * A listed seat is removed by applying only when the user holds it directly and from no group; a group-derived one
 * names its groups, and a deleted user's seat is freed at permanent deletion.
 */
public final class ReclaimSelection {
    private ReclaimSelection() {}

    public static List<ReclaimItem> select(
            ReclaimPolicy policy,
            List<Holder> holders,
            Set<UserId> exemptByGroup,
            Instant now,
            Optional<MonthlyPrice> price) {
        List<ReclaimItem> items = new ArrayList<>();
        for (Holder h : holders) {
            if (h.sources().isEmpty()
                    || policy.exemptUsers().contains(h.id())
                    || exemptByGroup.contains(h.id())
                    || grantedRecently(policy, h, now)) {
                continue;
            }
            reason(policy, h, now).ifPresent(r -> items.add(item(policy, h, r, price)));
        }
        items.sort(Comparator.comparing(ReclaimItem::since)
                .thenComparing(i -> i.user().value()));
        return items;
    }

    private static boolean grantedRecently(ReclaimPolicy policy, Holder h, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(policy.recentDays()));
        return policy.recentDays() > 0
                && h.sources().stream().anyMatch(s -> s.lastChanged().isAfter(cutoff));
    }

    private record Reason(ReclaimReason reason, Instant since) {}

    private static Optional<Reason> reason(ReclaimPolicy policy, Holder h, Instant now) {
        if (policy.disabledDays() != null) {
            Instant cutoff = now.minus(Duration.ofDays(policy.disabledDays()));
            if (h.deletedDateTime() != null) {
                if (!h.deletedDateTime().isAfter(cutoff)) {
                    return Optional.of(new Reason(ReclaimReason.Deleted, h.deletedDateTime()));
                }
            } else if (!h.accountEnabled()) {
                Instant since = h.activity().disabledSince() == null
                        ? h.createdDateTime()
                        : h.activity().disabledSince();
                if (!since.isAfter(cutoff)) {
                    return Optional.of(new Reason(ReclaimReason.Disabled, since));
                }
            }
        }
        if (policy.inactiveDays() != null) {
            Instant cutoff = now.minus(Duration.ofDays(policy.inactiveDays()));
            Instant last = h.activity().lastActivity();
            if (last == null && !h.createdDateTime().isAfter(cutoff)) {
                return Optional.of(new Reason(ReclaimReason.NeverSignedIn, h.createdDateTime()));
            }
            if (last != null && !last.isAfter(cutoff)) {
                return Optional.of(new Reason(ReclaimReason.Inactive, last));
            }
        }
        return Optional.empty();
    }

    private static ReclaimItem item(ReclaimPolicy policy, Holder h, Reason r, Optional<MonthlyPrice> price) {
        List<String> groups = h.sources().stream()
                .filter(s -> !s.isDirect())
                .map(s -> s.groupName() == null ? s.group().value().toString() : s.groupName())
                .sorted()
                .toList();
        ReclaimAction action = h.deletedDateTime() != null
                ? ReclaimAction.FreedAtPermanentDeletion
                : groups.isEmpty() ? ReclaimAction.RemoveDirect : ReclaimAction.RemoveFromGroups;
        return new ReclaimItem(
                h.id(),
                h.userPrincipalName(),
                h.displayName(),
                policy.sku(),
                r.reason(),
                r.since(),
                action,
                groups,
                price.orElse(null),
                ReclaimItem.Outcome.Reported,
                null);
    }
}
