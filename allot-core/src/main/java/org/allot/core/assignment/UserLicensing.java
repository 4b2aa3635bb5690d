package org.allot.core.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;
import org.allot.core.subscription.Seats;

/**
 * Direct license assignment: synchronous and all-or-nothing per request, refused with Graph's messages. Also
 * reprocessing a user and reading a user's licenses. Each change is a unit of work of its own under the tenant's
 * licensing lock; what it does to each user is {@link UserLicenseSteps}'.
 */
public final class UserLicensing {
    private final Transactions transactions;
    private final TenantLocks locks;
    private final Users users;
    private final Assignments assignments;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final FailedAssignments failures;
    private final UserLicenseSteps steps;

    UserLicensing(
            Transactions transactions,
            Reconciler reconciler,
            TenantLocks locks,
            Users users,
            LicenseRequests requests,
            Assignments assignments,
            Seats seats,
            ProductCatalog catalog,
            FailedAssignments failures,
            GroupOnly groupOnly,
            ScopeGuard guard) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
        this.catalog = Objects.requireNonNull(catalog);
        this.failures = Objects.requireNonNull(failures);
        this.steps = new UserLicenseSteps(reconciler, users, requests, assignments, groupOnly, guard);
    }

    /**
     * Adds (or, for SKUs the user already holds directly, replaces) and removes direct licenses. With {@code force}
     * an administrator may take a free seat that is owed to a user in the waiting list. Decided on the user as it
     * stands once locked, so a concurrent change to the user (its usage location, say) is either seen or waits.
     */
    public Outcome<UserLicenses> assign(
            Caller caller, UserId userId, List<AssignedLicense> add, List<SkuId> remove, boolean force) {
        Outcome<UserLicenses> outcome = transactions.run(() -> {
            locks.share(caller.tenant());
            return steps.assign(caller, UserRef.of(userId), add, remove, force, false, false)
                    .map(UserLicenseSteps.Assigned::licenses);
        });
        return failures.audited(caller, UserRef.of(userId), add, remove, outcome);
    }

    /**
     * {@link #assign(Caller, UserId, List, List, boolean)} for a user named by id or principal name, in one unit of
     * work: the answer is the user as locked with the licenses just written.
     */
    public Outcome<LicensedUser> assign(
            Caller caller, UserRef user, List<AssignedLicense> add, List<SkuId> remove, boolean force) {
        return assign(caller, user, add, remove, force, false);
    }

    /**
     * {@link #assign(Caller, UserRef, List, List, boolean)}, where {@code overrideGroupOnly} lets a direct assignment
     * that the group-only policy forbids go ahead (the caller has checked the break-glass permission), audited as an
     * override.
     */
    public Outcome<LicensedUser> assign(
            Caller caller,
            UserRef user,
            List<AssignedLicense> add,
            List<SkuId> remove,
            boolean force,
            boolean overrideGroupOnly) {
        Outcome<LicensedUser> outcome = transactions.run(() -> {
            locks.share(caller.tenant());
            return steps.assign(caller, user, add, remove, force, overrideGroupOnly, false)
                    .map(UserLicenseSteps.Assigned::licensed);
        });
        return failures.audited(caller, user, add, remove, outcome);
    }

    /**
     * Adds one direct license as {@link #assign(Caller, UserId, List, List, boolean)} does, but when no seat is free
     * the assignment is kept and waits for one in the waiting list (in its place, as a member of a licensed group
     * waits) instead of being refused: what an approved license request asks. Every other refusal stands.
     */
    public Outcome<UserLicenses> assignOrWait(Caller caller, UserId userId, AssignedLicense license) {
        Outcome<UserLicenses> outcome = transactions.run(() -> {
            locks.share(caller.tenant());
            return steps.assign(caller, UserRef.of(userId), List.of(license), List.of(), false, false, true)
                    .map(UserLicenseSteps.Assigned::licenses);
        });
        return failures.audited(caller, UserRef.of(userId), List.of(license), List.of(), outcome);
    }

    /** One request of {@link #rehearse}: what one assignLicense request would ask for one user. */
    public record LicenseChange(UserRef user, List<AssignedLicense> add, List<SkuId> remove) {
        public LicenseChange {
            Objects.requireNonNull(user, "user");
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    /**
     * What {@link #assign(Caller, UserRef, List, List, boolean)} would answer to each change, sent one after the
     * other (none with {@code force}): each is decided by the same rules on what the changes before it did, and
     * nothing is kept. A validate-only request: the dry run of a bulk change.
     */
    public List<Outcome<LicensedUser>> rehearse(Caller caller, List<LicenseChange> changes) {
        return rehearse(caller, changes, false);
    }

    /** {@link #rehearse(Caller, List)}, each change overriding the group-only policy when {@code overrideGroupOnly}. */
    public List<Outcome<LicensedUser>> rehearse(Caller caller, List<LicenseChange> changes, boolean overrideGroupOnly) {
        return transactions.rehearse(changes.stream()
                .<Supplier<Outcome<LicensedUser>>>map(
                        c -> () -> assign(caller, c.user(), c.add(), c.remove(), false, overrideGroupOnly))
                .toList());
    }

    /**
     * Changes the direct licenses of each user in turn, all in one unit of work: adds the SKU, replaces the users'
     * other direct licenses with it, or removes it. The first refusal names the user and undoes the others. Done
     * with how many users changed (those with nothing to change are skipped).
     */
    public Outcome<Integer> assignEach(Caller caller, List<UserId> userIds, SkuId sku, DirectLicenseChange change) {
        return assignEach(caller, userIds, sku, change, false);
    }

    /**
     * {@link #assignEach(Caller, List, SkuId, DirectLicenseChange)}, overriding the group-only policy for each user
     * when {@code overrideGroupOnly} (audited per user).
     */
    public Outcome<Integer> assignEach(
            Caller caller, List<UserId> userIds, SkuId sku, DirectLicenseChange change, boolean overrideGroupOnly) {
        return transactions.run(() -> {
            locks.share(caller.tenant());
            int changed = 0;
            for (UserId user : userIds) {
                Outcome<Optional<UserLicenseSteps.Assigned>> outcome =
                        steps.change(caller, user, sku, change, overrideGroupOnly);
                if (!outcome.isDone()) {
                    String name = users.find(caller.tenant(), user)
                            .filter(u -> !u.isDeleted())
                            .map(User::userPrincipalName)
                            .orElse(user.toString());
                    return Outcome.refused(
                            outcome.rejection().code(),
                            "Nothing was changed: %s was refused: %s",
                            name,
                            outcome.rejection().message());
                }
                if (outcome.value().isPresent()) {
                    changed++;
                }
            }
            return Outcome.done(changed);
        });
    }

    /** Evaluates the user's licenses again from their direct assignments and current group memberships. */
    public Outcome<UserLicenses> reprocess(Caller caller, UserId userId) {
        return transactions.run(() -> {
            locks.share(caller.tenant());
            return steps.reprocess(caller, UserRef.of(userId)).map(UserLicenseSteps.Assigned::licenses);
        });
    }

    /** {@link #reprocess(Caller, UserId)} for a user named by id or principal name, answered as written. */
    public Outcome<LicensedUser> reprocess(Caller caller, UserRef user) {
        return transactions.run(() -> {
            locks.share(caller.tenant());
            return steps.reprocess(caller, user).map(UserLicenseSteps.Assigned::licensed);
        });
    }

    /** A user named by id or principal name with their licenses as they stand, unless deleted. */
    public Optional<LicensedUser> user(TenantId tenant, UserRef user) {
        return transactions.read(() -> user.find(tenant, users).map(u -> licensedUser(tenant, u)));
    }

    private LicensedUser licensedUser(TenantId tenant, User user) {
        UserLicenses licenses = new UserLicenses(
                LicenseSubject.of(user),
                assignments.of(tenant, List.of(user.id())).getOrDefault(user.id(), List.of()));
        return new LicensedUser(user, licenses, catalog.forTenant(tenant), seats.all(tenant));
    }

    /** The licenses of users as they stand, without locking anything. */
    public Map<UserId, List<LicenseAssignment>> assignmentsOf(TenantId tenant, Collection<UserId> ids) {
        return transactions.read(() -> assignments.of(tenant, ids));
    }
}
