package org.allot.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;

/** The direct → group migration's removal of a direct license: written only when it changes no seat. */
final class SeatNeutralRemoval {
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Users users;
    private final Assignments assignments;

    SeatNeutralRemoval(Reconciler reconciler, TenantLocks locks, Users users, Assignments assignments) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.assignments = Objects.requireNonNull(assignments);
    }

    /**
     * Removes the user's direct license of the SKU only if the engine's result keeps every seat and every enabled plan
     * the user has (the SKU's plans may change when {@code acceptPlanChanges}); refused, writing nothing, otherwise.
     * The direct → group migration's removal ({@link DirectToGroupJob}), in the caller's unit of work.
     */
    Outcome<UserLicenses> remove(Caller caller, UserId id, SkuId sku, boolean acceptPlanChanges) {
        locks.share(caller.tenant());
        Optional<User> user = users.lock(caller.tenant(), id).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        Reconciler.Work work = reconciler.beginDeferred(caller);
        Map<UserId, List<LicenseAssignment>> stored = assignments.of(caller.tenant(), List.of(id));
        UserLicenses current = new UserLicenses(LicenseSubject.of(user.get()), stored.getOrDefault(id, List.of()));
        if (current.find(sku, AssignmentSource.DIRECT).isEmpty()) {
            return Outcome.refused(ErrorCode.LICENSE_NOT_ASSIGNED, "The user no longer has the license directly.");
        }
        Reconciler.Batch batch = reconciler.evaluateLocked(
                work, Map.of(id, current.subject()), stored, Changes.direct(List.of(), Set.of(sku)));
        Optional<String> changes =
                MigrationPlan.notNeutral(batch.before().get(id), batch.after().get(id), sku, acceptPlanChanges);
        if (changes.isPresent()) {
            return Outcome.refused(ErrorCode.CONFLICT, "Kept: %s.", changes.get());
        }
        reconciler.commit(work, batch);
        reconciler.finish(work);
        return Outcome.done(batch.after().get(id));
    }
}
