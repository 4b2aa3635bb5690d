package org.allot.core.assignment;

import java.util.Set;
import org.allot.core.Caller;
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

    /** Evaluates again the licenses of users whose group memberships changed. */
    @FunctionalInterface
    interface Relicensing {
        /** Returns the users whose active plans changed. */
        Set<UserId> apply(Set<UserId> moved);
    }
}
