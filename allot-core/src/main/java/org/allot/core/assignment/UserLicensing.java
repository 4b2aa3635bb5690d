package org.allot.core.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;

/**
 * Direct license assignment: synchronous and all-or-nothing per request, refused with Graph's messages. Also
 * reprocessing a user and reading a user's licenses.
 */
public final class UserLicensing {
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Users users;
    private final LicenseRequests requests;
    private final Assignments assignments;

    UserLicensing(
            Reconciler reconciler, TenantLocks locks, Users users, LicenseRequests requests, Assignments assignments) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.requests = Objects.requireNonNull(requests);
        this.assignments = Objects.requireNonNull(assignments);
    }

    /**
     * Adds (or, for SKUs the user already holds directly, replaces) and removes direct licenses. With {@code force}
     * an administrator may take a free seat that is owed to a user in the waiting list. Decided on the user as it
     * stands once locked, so a concurrent change to the user (its usage location, say) is either seen or waits.
     */
    public Outcome<UserLicenses> assign(
            Caller caller, UserId userId, List<AssignedLicense> add, List<SkuId> remove, boolean force) {
        locks.share(caller.tenant());
        Optional<User> user = users.lock(caller.tenant(), userId).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return Outcome.refused(Rejection.notFound(userId));
        }
        Optional<Rejection> shape = requests.checkShape(add, remove);
        if (shape.isPresent()) {
            return Outcome.refused(shape.get());
        }
        if (!add.isEmpty() && user.get().usageLocation() == null) {
            return Outcome.refused(ErrorCode.INVALID_USAGE_LOCATION, Reasons.invalidUsageLocation());
        }
        Reconciler.Work work = reconciler.begin(caller);
        Optional<Rejection> invalid = requests.checkLicenses(caller.tenant(), work.context.catalog(), add);
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        UserLicenses current = new UserLicenses(
                LicenseSubject.of(user.get()),
                assignments.of(caller.tenant(), List.of(userId)).getOrDefault(userId, List.of()));
        for (SkuId sku : remove) {
            if (current.find(sku, AssignmentSource.DIRECT).isEmpty()) {
                boolean inherited =
                        current.assignments().stream().anyMatch(a -> a.sku().equals(sku));
                return Outcome.refused(
                        inherited
                                ? Rejection.of(ErrorCode.INHERITED_LICENSE, Reasons.inherited())
                                : Rejection.of(
                                        ErrorCode.LICENSE_NOT_ASSIGNED,
                                        "User does not have a corresponding license %s to remove.",
                                        sku));
            }
        }
        if (force) {
            add.forEach(l -> work.ledger.admit(l.skuId(), List.of(userId)));
        }
        Reconciler.Batch batch = reconciler.evaluate(work, List.of(userId), Changes.direct(add, Set.copyOf(remove)));
        UserLicenses before = batch.before().get(userId);
        UserLicenses after = batch.after().get(userId);
        Optional<Rejection> refused = DirectRefusals.check(before, after, add, work.context.catalog());
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        reconciler.commit(work, batch);
        reconciler.finish(work);
        return Outcome.done(after);
    }

    /** Evaluates the user's licenses again from their direct assignments and current group memberships. */
    public Outcome<UserLicenses> reprocess(Caller caller, UserId userId) {
        locks.share(caller.tenant());
        Optional<User> user = users.lock(caller.tenant(), userId).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return Outcome.refused(Rejection.notFound(userId));
        }
        Reconciler.Work work = reconciler.begin(caller);
        Reconciler.Batch batch = reconciler.reinherit(work, List.of(userId));
        reconciler.commit(work, batch);
        reconciler.finish(work);
        return Outcome.done(batch.after().get(userId));
    }

    /** The licenses of users as they stand, without locking anything. */
    public Map<UserId, List<LicenseAssignment>> assignmentsOf(TenantId tenant, Collection<UserId> ids) {
        return assignments.of(tenant, ids);
    }
}
