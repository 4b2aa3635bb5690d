package org.allot.core.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.allot.core.catalog.SkuId;

/**
 * Grace on removal ({@code PendingRemoval}): the one place that decides whether a license taken from a user is freed
 * at once or held for the days set for its SKU. Every change to a user's assignments goes through it
 * ({@link #apply}), whatever removes the license: a direct removal, leaving a group, a group's license or rule, or a
 * reclaim. A seat taken back for capacity ({@link SeatTakeBack}) does not remove a license (its holder waits) and so
 * is not held; but a license already pending removal whose seat is taken back goes at once rather than wait.
 *
 * <ul>
 *   <li>A user who held a seat of a SKU and whom a change leaves with no source of it keeps one of the assignments
 *       that held the seat, marked as pending removal until now + the SKU's days. It stays as it was (Active, in
 *       {@code assignedLicenses}) and its seat stays counted. With 0 days (the default) it goes at once.
 *   <li>Pending assignments are set aside before the change is applied, so a change never sees them: a source of the
 *       SKU that the change gives the user (re-adding the license, rejoining the group) cancels the pending removal;
 *       the same source given again takes the held row back, with its place and state.
 *   <li>A pending removal whose time has come is dropped by whatever evaluates the user next: the seat is given back
 *       and the waiting list served ({@link PendingRemovals#freeDue} makes sure that happens on time).
 * </ul>
 *
 * A user removed for good ({@link Changes#REMOVE_ALL}) gets no grace.
 */
public final class RemovalGrace {
    /** The most days a SKU's removals may be held. */
    public static final int MAX_DAYS = 365;

    /** No SKU holds its removals: every removal frees its seat at once. */
    public static final RemovalGrace NONE = new RemovalGrace(Map.of());

    private final Map<SkuId, Integer> days;

    public RemovalGrace(Map<SkuId, Integer> days) {
        this.days = Map.copyOf(days);
    }

    /** How many days a removal of the SKU is held; 0: freed at once. */
    public int days(SkuId sku) {
        return days.getOrDefault(sku, 0);
    }

    /** What {@code change} makes of the user's assignments ({@code current}), with removals held as above. */
    List<LicenseAssignment> apply(LicenseSubject subject, List<LicenseAssignment> current, Change change, Instant now) {
        boolean anyPending = current.stream().anyMatch(LicenseAssignment::isPendingRemoval);
        if (change == Changes.REMOVE_ALL || (!anyPending && days.isEmpty())) {
            return change.apply(subject, current, now);
        }
        Map<LicenseAssignment.Key, LicenseAssignment> pending = new HashMap<>();
        List<LicenseAssignment> live = new ArrayList<>(current.size());
        for (LicenseAssignment a : current) {
            if (a.isPendingRemoval()) {
                pending.put(a.key(), a);
            } else {
                live.add(a);
            }
        }
        List<LicenseAssignment> result = new ArrayList<>();
        Set<SkuId> given = new HashSet<>();
        for (LicenseAssignment a : change.apply(subject, live, now)) {
            LicenseAssignment held = pending.get(a.key());
            // the same source given again takes its held row back, with its place and state
            result.add(
                    held != null && a.state() == null
                            ? held.withPendingRemoval(null).withDisabledPlans(a.disabledPlans())
                            : a);
            given.add(a.sku());
        }
        for (LicenseAssignment a : current) {
            if (given.contains(a.sku())) {
                continue; // a source of the SKU is left or given: nothing of it is pending
            }
            if (a.isPendingRemoval()) {
                if (now.isBefore(a.pendingRemovalAt())) {
                    result.add(a);
                    given.add(a.sku());
                }
            } else if (a.holdsSeat() && days(a.sku()) > 0) {
                result.add(a.withPendingRemoval(now.plus(Duration.ofDays(days(a.sku())))));
                given.add(a.sku());
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemovalGrace other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days);
    }
}
