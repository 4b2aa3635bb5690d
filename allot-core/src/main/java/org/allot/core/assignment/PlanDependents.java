package org.allot.core.assignment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * Memberships that depend on the plans users hold: dynamic groups whose rule reads {@code user.assignedPlans}. When a
 * unit of work has changed some users' active plans and written its seat figures, licensing tells them. They bring
 * those users' memberships in line and hand the users they moved to {@code relicensing}, which evaluates their
 * licenses again and answers whose active plans changed in turn, until nothing moves.
 */
@FunctionalInterface
public interface PlanDependents {
    PlanDependents NONE = (caller, users, relicensing) -> {};

    void plansChanged(Caller caller, Set<UserId> users, Relicensing relicensing);

    /** Whether anything in the tenant depends on plans, so that whose plans changed is worth working out. */
    default boolean readsPlans(TenantId tenant) {
        return true;
    }

    /**
     * Refuses giving a group these licenses when a membership would then depend on itself (a dynamic group's rule
     * reading plans its own membership grants, directly or through other dynamic groups).
     */
    default Optional<Rejection> checkGroupLicenses(Caller caller, GroupId group, List<GroupLicense> licenses) {
        return Optional.empty();
    }

    /** Evaluates again the licenses of users whose group memberships changed. */
    @FunctionalInterface
    interface Relicensing {
        /** Returns the users whose active plans changed. */
        Set<UserId> apply(Set<UserId> moved);
    }
}
