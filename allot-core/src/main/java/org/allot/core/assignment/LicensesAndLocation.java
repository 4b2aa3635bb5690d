package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * Direct license changes that may set the usage location along with them, as the Microsoft 365 admin center's
 * "Licenses and apps" pane does: one user's location and licenses, or one product for many users, each in one unit of
 * work — all of it or nothing. A change for many users is first rehearsed as the validate-only API rehearses it
 * ({@link UserLicensing#rehearse}), so that a refusal names every refused user with its reason, not only the first.
 */
public final class LicensesAndLocation {
    private final Transactions transactions;
    private final UserLicensing licensing;
    private final UserDirectory directory;
    private final Users users;

    private final ScopeGuard guard;

    public LicensesAndLocation(
            Transactions transactions,
            UserLicensing licensing,
            UserDirectory directory,
            Users users,
            ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.licensing = Objects.requireNonNull(licensing);
        this.directory = Objects.requireNonNull(directory);
        this.users = Objects.requireNonNull(users);
    }

    /** What one save did: whether the usage location changed, and whether licenses changed. */
    public record Saved(boolean locationChanged, boolean licensesChanged) {}

    /**
     * Sets the user's usage location (when given and different; blank clears it) and changes their direct licenses,
     * in one unit of work: a refused license leaves the location as it was.
     */
    public Outcome<Saved> assign(
            Caller caller, UserId user, Optional<String> usageLocation, List<AssignedLicense> add, List<SkuId> remove) {
        return assign(caller, user, usageLocation, add, remove, false);
    }

    /**
     * {@link #assign(Caller, UserId, Optional, List, List)}, overriding the group-only policy when
     * {@code overrideGroupOnly} (the caller checked the break-glass permission; audited as an override).
     */
    public Outcome<Saved> assign(
            Caller caller,
            UserId user,
            Optional<String> usageLocation,
            List<AssignedLicense> add,
            List<SkuId> remove,
            boolean overrideGroupOnly) {
        boolean licenses = !add.isEmpty() || !remove.isEmpty();
        Optional<String> change = transactions
                .read(() -> users.find(caller.tenant(), user))
                .flatMap(u -> usageLocation.filter(code -> !sameLocation(u, code)));
        if (change.isEmpty()) {
            return licenses
                    ? licensing
                            .assign(caller, UserRef.of(user), add, remove, false, overrideGroupOnly)
                            .map(l -> new Saved(false, true))
                    : Outcome.done(new Saved(false, false));
        }
        return transactions.run(() -> {
            Outcome<User> located = directory.update(caller, user, location(change.get()));
            if (!located.isDone() || !licenses) {
                return located.map(u -> new Saved(true, false));
            }
            return licensing
                    .assign(caller, UserRef.of(user), add, remove, false, overrideGroupOnly)
                    .map(l -> new Saved(true, true));
        });
    }

    /** A user a change of many refused, and why (the user is null when it was refused as a whole). */
    public record Refusal(UserId user, String userPrincipalName, Rejection rejection) {}

    /**
     * What a change of many users did: how many changed; how many had nothing to change and, among them, those who
     * hold the product only through a group (a removal cannot take it); how many got the usage location; and when
     * any user was refused, every refusal — then nothing was changed.
     */
    public record BulkResult(
            int changed, int unchanged, List<String> inheritedOnly, int located, List<Refusal> refused) {
        public BulkResult {
            inheritedOnly = List.copyOf(inheritedOnly);
            refused = List.copyOf(refused);
        }

        public boolean isDone() {
            return refused.isEmpty();
        }
    }

    /**
     * Adds the SKU to each user, replaces their direct licenses with it, or removes it, and (with {@code
     * locationForUnset}) first sets that usage location on those it adds a license to who have none: all of it, or —
     * when any user would be refused — nothing, with every refusal.
     */
    public BulkResult assignEach(
            Caller caller,
            List<UserId> userIds,
            SkuId sku,
            DirectLicenseChange change,
            Optional<String> locationForUnset) {
        List<UserId> ids = List.copyOf(new LinkedHashSet<>(userIds));
        Plan plan = transactions.read(() -> plan(caller, ids, sku, change));
        List<UserId> toLocate = locationForUnset.isEmpty() ? List.of() : plan.unlocated();
        if (!plan.refused().isEmpty() || plan.changes().isEmpty()) {
            return new BulkResult(0, plan.unchanged(), plan.inheritedOnly(), 0, plan.refused());
        }
        List<Supplier<Outcome<?>>> steps = new ArrayList<>();
        if (!toLocate.isEmpty()) {
            steps.add(() -> locate(caller, toLocate, locationForUnset.get()));
        }
        plan.changes().forEach(c -> steps.add(() -> licensing.assign(caller, c.user(), c.add(), c.remove(), false)));
        List<Outcome<?>> rehearsed = transactions.rehearse(steps);
        List<Refusal> refused = new ArrayList<>();
        int first = toLocate.isEmpty() ? 0 : 1;
        if (first == 1 && !rehearsed.get(0).isDone()) {
            refused.add(new Refusal(null, "", rehearsed.get(0).rejection()));
        }
        for (int i = first; i < rehearsed.size(); i++) {
            if (!rehearsed.get(i).isDone()) {
                UserId user = plan.changeUsers().get(i - first);
                refused.add(new Refusal(
                        user, plan.names().get(user), rehearsed.get(i).rejection()));
            }
        }
        if (!refused.isEmpty()) {
            return new BulkResult(0, plan.unchanged(), plan.inheritedOnly(), 0, refused);
        }
        Outcome<Integer> applied = transactions.run(() -> {
            Outcome<?> located =
                    toLocate.isEmpty() ? Outcome.done(0) : locate(caller, toLocate, locationForUnset.get());
            return located.isDone()
                    ? licensing.assignEach(caller, ids, sku, change)
                    : Outcome.<Integer>refused(located.rejection());
        });
        return applied.isDone()
                ? new BulkResult(
                        applied.value(), ids.size() - applied.value(), plan.inheritedOnly(), toLocate.size(), List.of())
                : new BulkResult(
                        0,
                        plan.unchanged(),
                        plan.inheritedOnly(),
                        0,
                        List.of(new Refusal(null, "", applied.rejection())));
    }

    /** What each user's request would be, from their licenses as they stand. */
    private record Plan(
            List<UserLicensing.LicenseChange> changes,
            List<UserId> changeUsers,
            Map<UserId, String> names,
            List<UserId> unlocated,
            int unchanged,
            List<String> inheritedOnly,
            List<Refusal> refused) {}

    private Plan plan(Caller caller, List<UserId> ids, SkuId sku, DirectLicenseChange change) {
        TenantId tenant = caller.tenant();
        Map<UserId, User> found = users.findAll(tenant, ids);
        Map<UserId, List<LicenseAssignment>> held = licensing.assignmentsOf(tenant, ids);
        List<UserLicensing.LicenseChange> changes = new ArrayList<>();
        List<UserId> changeUsers = new ArrayList<>();
        Map<UserId, String> names = new HashMap<>();
        List<UserId> unlocated = new ArrayList<>();
        List<String> inheritedOnly = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        int unchanged = 0;
        for (UserId id : ids) {
            User user = found.get(id);
            if (user == null || user.isDeleted() || !guard.reaches(caller, id.value())) {
                // a user outside the caller's administrative units is named by its id only, as one that is not there
                refused.add(new Refusal(id, id.toString(), Rejection.notFound(id)));
                continue;
            }
            names.put(id, user.userPrincipalName());
            List<LicenseAssignment> assignments = held.getOrDefault(id, List.of());
            Set<SkuId> direct = new LinkedHashSet<>();
            assignments.stream().filter(a -> a.source().isDirect()).forEach(a -> direct.add(a.sku()));
            DirectLicenseChange.Request request = change.requestFor(direct, sku);
            if (request.isEmpty()) {
                unchanged++;
                if (change == DirectLicenseChange.REMOVE
                        && assignments.stream().anyMatch(a -> a.sku().equals(sku))) {
                    inheritedOnly.add(user.userPrincipalName());
                }
                continue;
            }
            if (!request.add().isEmpty() && user.usageLocation() == null) {
                unlocated.add(id);
            }
            changes.add(new UserLicensing.LicenseChange(UserRef.of(id), request.add(), request.remove()));
            changeUsers.add(id);
        }
        return new Plan(changes, changeUsers, names, unlocated, unchanged, inheritedOnly, refused);
    }

    /** Sets the usage location of each user, stopping at the first refusal. */
    private Outcome<Integer> locate(Caller caller, List<UserId> ids, String code) {
        for (UserId id : ids) {
            Outcome<User> located = directory.update(caller, id, location(code));
            if (!located.isDone()) {
                return Outcome.refused(located.rejection());
            }
        }
        return Outcome.done(ids.size());
    }

    private static Map<UserAttribute, Object> location(String code) {
        Map<UserAttribute, Object> values = new HashMap<>();
        values.put(UserAttribute.USAGE_LOCATION, code.isBlank() ? null : code);
        return values;
    }

    private static boolean sameLocation(User user, String code) {
        return user.usageLocation() == null
                ? code.isBlank()
                : user.usageLocation().code().equalsIgnoreCase(code);
    }
}
