package org.allot.core.assignment;

import java.util.LinkedHashSet;
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
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * What {@link UserLicensing} does to one user, in the caller's unit of work and under the tenant's licensing lock the
 * caller has taken: the caller's scope checked, the user locked, the request checked, the engine run through the
 * {@link Reconciler}, and the licenses written, or nothing written and the request refused.
 */
final class UserLicenseSteps {
    private final Reconciler reconciler;
    private final Users users;
    private final LicenseRequests requests;
    private final Assignments assignments;
    private final GroupOnly groupOnly;
    private final ScopeGuard guard;

    UserLicenseSteps(
            Reconciler reconciler,
            Users users,
            LicenseRequests requests,
            Assignments assignments,
            GroupOnly groupOnly,
            ScopeGuard guard) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.users = Objects.requireNonNull(users);
        this.requests = Objects.requireNonNull(requests);
        this.assignments = Objects.requireNonNull(assignments);
        this.groupOnly = Objects.requireNonNull(groupOnly);
        this.guard = Objects.requireNonNull(guard);
    }

    /** A user and the licenses a unit of work left them with, and the unit of work that decided them. */
    record Assigned(User user, UserLicenses licenses, Reconciler.Work work) {
        /** The user as locked, with the licenses and seat figures just written: nothing is read again. */
        LicensedUser licensed() {
            return new LicensedUser(user, licenses, work.context.catalog(), work.ledger.figures());
        }
    }

    /**
     * Adds (or replaces) and removes the user's direct licenses, decided on the user as locked; {@code force} lets
     * the added licenses take a seat owed to the waiting list, {@code overrideGroupOnly} lets them past the group-only
     * policy (audited as an override), and with {@code waitForSeat} an added license may wait for a seat.
     */
    Outcome<Assigned> assign(
            Caller caller,
            UserRef named,
            List<AssignedLicense> add,
            List<SkuId> remove,
            boolean force,
            boolean overrideGroupOnly,
            boolean waitForSeat) {
        return lockUser(caller, named).flatMap(user -> {
            UserId id = user.id();
            List<LicenseAssignment> stored =
                    assignments.of(caller.tenant(), List.of(id)).getOrDefault(id, List.of());
            return assign(caller, user, stored, add, remove, force, overrideGroupOnly, waitForSeat);
        });
    }

    /**
     * One user's part of a change of many users' direct licenses with one SKU, worked out from the direct licenses the
     * user holds once locked: empty when it asks nothing of them.
     */
    Outcome<Optional<Assigned>> change(
            Caller caller, UserId userId, SkuId sku, DirectLicenseChange change, boolean overrideGroupOnly) {
        return lockUser(caller, UserRef.of(userId)).flatMap(user -> {
            List<LicenseAssignment> stored =
                    assignments.of(caller.tenant(), List.of(userId)).getOrDefault(userId, List.of());
            Set<SkuId> direct = new LinkedHashSet<>();
            stored.stream().filter(a -> a.source().isDirect()).forEach(a -> direct.add(a.sku()));
            DirectLicenseChange.Request asked = change.requestFor(direct, sku);
            return asked.isEmpty()
                    ? Outcome.done(Optional.<Assigned>empty())
                    : assign(caller, user, stored, asked.add(), asked.remove(), false, overrideGroupOnly, false)
                            .map(Optional::of);
        });
    }

    private Outcome<Assigned> assign(
            Caller caller,
            User user,
            List<LicenseAssignment> assigned,
            List<AssignedLicense> add,
            List<SkuId> remove,
            boolean force,
            boolean overrideGroupOnly,
            boolean waitForSeat) {
        UserId id = user.id();
        Optional<Rejection> shape = requests.checkShape(add, remove);
        if (shape.isPresent()) {
            return Outcome.refused(shape.get());
        }
        if (!add.isEmpty() && user.usageLocation() == null) {
            return Outcome.refused(ErrorCode.INVALID_USAGE_LOCATION, Reasons.invalidUsageLocation());
        }
        Reconciler.Work work = reconciler.beginDeferred(caller);
        Optional<Rejection> invalid = requests.checkLicenses(caller.tenant(), work.context.catalog(), add);
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        Map<UserId, List<LicenseAssignment>> stored = Map.of(id, assigned);
        UserLicenses current = new UserLicenses(LicenseSubject.of(user), assigned);
        GroupOnlyPolicy policy = add.isEmpty() ? GroupOnlyPolicy.NONE : groupOnly.read(caller.tenant());
        if (!overrideGroupOnly) {
            Optional<Rejection> forbidden = GroupOnly.refusal(policy, work.context.catalog(), current, add);
            if (forbidden.isPresent()) {
                return Outcome.refused(forbidden.get());
            }
        }
        Optional<Rejection> notHeld = notHeldDirectly(current, remove);
        if (notHeld.isPresent()) {
            return Outcome.refused(notHeld.get());
        }
        if (force) {
            add.forEach(l -> work.ledger.admit(l.skuId(), List.of(id)));
        }
        Reconciler.Batch batch = reconciler.evaluateLocked(
                work, Map.of(id, current.subject()), stored, Changes.direct(add, Set.copyOf(remove)));
        UserLicenses before = batch.before().get(id);
        UserLicenses after = batch.after().get(id);
        Optional<Rejection> refused =
                DirectRefusals.check(before, after, add, work.context.catalog(), waitForSeat, work.ledger.pools());
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        reconciler.commit(work, batch);
        reconciler.finish(work);
        if (overrideGroupOnly) {
            groupOnly.overridden(caller, user, policy, current, add);
        }
        return Outcome.done(new Assigned(user, after, work));
    }

    /** Refused when a license to remove is not one the user holds directly (inherited, or not held at all). */
    private static Optional<Rejection> notHeldDirectly(UserLicenses current, List<SkuId> remove) {
        for (SkuId sku : remove) {
            if (current.find(sku, AssignmentSource.DIRECT).isEmpty()) {
                boolean inherited =
                        current.assignments().stream().anyMatch(a -> a.sku().equals(sku));
                return Optional.of(
                        inherited
                                ? Rejection.of(ErrorCode.INHERITED_LICENSE, Reasons.inherited())
                                : Rejection.of(
                                        ErrorCode.LICENSE_NOT_ASSIGNED,
                                        "User does not have a corresponding license %s to remove.",
                                        sku));
            }
        }
        return Optional.empty();
    }

    /** Evaluates the user's licenses again from their direct assignments and current group memberships. */
    Outcome<Assigned> reprocess(Caller caller, UserRef named) {
        return lockUser(caller, named).map(user -> {
            Reconciler.Work work = reconciler.beginDeferred(caller);
            UserId id = user.id();
            Reconciler.Batch batch = reconciler.reinheritLocked(work, Map.of(id, LicenseSubject.of(user)));
            reconciler.commit(work, batch);
            reconciler.finish(work);
            return new Assigned(user, batch.after().get(id), work);
        });
    }

    /**
     * The user, locked and read once: named by id, once the caller's scope is known to reach them; by principal name,
     * found and locked in one read, then the scope checked. Refused when outside the scope, unknown or deleted.
     */
    private Outcome<User> lockUser(Caller caller, UserRef named) {
        Optional<UserId> userId = named.id();
        Optional<User> user;
        if (userId.isPresent()) {
            Optional<Rejection> outside = outside(caller, userId);
            if (outside.isPresent()) {
                return Outcome.refused(outside.get());
            }
            user = users.lock(caller.tenant(), userId.get());
        } else {
            user = users.lockNamed(caller.tenant(), named.text()).filter(u -> !u.isDeleted());
            Optional<Rejection> outside = outside(caller, user.map(User::id));
            if (outside.isPresent()) {
                return Outcome.refused(outside.get());
            }
        }
        return user.filter(u -> !u.isDeleted())
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(named)));
    }

    /**
     * Refused when the caller's role is scoped to units the user is not in (or when it names nobody: a scoped caller
     * is not told which users exist outside its units).
     */
    private Optional<Rejection> outside(Caller caller, Optional<UserId> userId) {
        if (caller.scope().tenantWide()) {
            return Optional.empty();
        }
        return userId.isEmpty()
                ? Optional.of(ScopeGuard.refusal())
                : guard.toChange(caller, userId.get().value());
    }
}
