package org.allot.core.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * The rule of the direct → group migration (docs/delegation.md): what removing a user's direct license of a product
 * would do, given the groups they inherit it from (or would, from a chosen group). Moved only when the user keeps
 * their seat and, unless the administrator accepts plan changes, the same enabled plans; decided once for the
 * preview and again, on the user as locked, for each removal ({@link #notNeutral} checks the engine's result too).
 */
final class MigrationPlan {
    private MigrationPlan() {}

    /** What the migration does with one direct holder. */
    enum Verdict {
        /** Keeps the seat and the same enabled plans: moved. */
        NEUTRAL,
        /** Keeps the seat, but the enabled plans would change: moved only when plan changes are accepted. */
        PLANS_DIFFER,
        /** Has the product from a group that does not work for them (in error, waiting, not applied yet): kept. */
        NOT_INHERITED,
        /** Inherits it from no group, and no group was chosen (or the chosen one cannot take them): kept. */
        NO_GROUP
    }

    /** The group chosen to move the holders to: its product's disabled plans, whether it can take members. */
    record Target(GroupId id, String name, Set<ServicePlanId> disabledPlans, String cannotJoin, Set<UserId> members) {
        Target {
            Objects.requireNonNull(id, "id");
            disabledPlans = Set.copyOf(disabledPlans);
            members = Set.copyOf(members);
        }
    }

    /**
     * The plan for one user.
     *
     * @param joins whether the user is added to the chosen group first
     * @param disabledBefore the plans of the product the user has off now (the intersection over their active sources)
     * @param disabledAfter the plans they would have off once only their groups give it
     */
    record UserPlan(
            UserId user,
            String userPrincipalName,
            Verdict verdict,
            boolean joins,
            String reason,
            Set<ServicePlanId> disabledDirect,
            Set<ServicePlanId> disabledBefore,
            Set<ServicePlanId> disabledAfter,
            Set<ServicePlanId> plansGained,
            Set<ServicePlanId> plansLost) {

        boolean moves(boolean acceptPlanChanges) {
            return verdict == Verdict.NEUTRAL || (verdict == Verdict.PLANS_DIFFER && acceptPlanChanges);
        }

        /** Whether the direct license's disabled plans differ from what the groups give (reported, not refused). */
        boolean disabledPlansDiffer() {
            return !disabledDirect.equals(disabledAfter);
        }
    }

    /**
     * The plan for a user, or empty when they hold no working direct license of the product (nothing to move). A
     * direct license held only until its removal grace ends is not moved either.
     */
    static Optional<UserPlan> of(
            UserLicenses licenses, Product product, Target target, Map<GroupId, String> groupNames) {
        SkuId sku = product.skuId();
        Optional<LicenseAssignment> direct = licenses.find(sku, AssignmentSource.DIRECT);
        if (direct.isEmpty() || !direct.get().holdsSeat() || direct.get().isPendingRemoval()) {
            return Optional.empty();
        }
        List<LicenseAssignment> inherited = licenses.assignments().stream()
                .filter(a -> a.sku().equals(sku) && !a.source().isDirect())
                .toList();
        List<LicenseAssignment> working = inherited.stream()
                .filter(a -> a.holdsSeat() && !a.isPendingRemoval())
                .toList();
        List<Set<ServicePlanId>> after = new java.util.ArrayList<>();
        working.forEach(a -> after.add(a.disabledPlans()));
        boolean joins = false;
        String blocked = null;
        if (target != null
                && licenses.find(sku, AssignmentSource.group(target.id())).isEmpty()
                && working.isEmpty()) {
            if (target.members().contains(licenses.subject().id())) {
                blocked = "is a member of " + target.name() + " but has no license from it yet";
            } else if (target.cannotJoin() != null) {
                blocked = target.cannotJoin();
            } else {
                joins = true;
                after.add(target.disabledPlans());
            }
        }
        Set<ServicePlanId> disabledBefore = intersection(licenses.assignments().stream()
                .filter(a -> a.sku().equals(sku) && a.holdsSeat())
                .map(LicenseAssignment::disabledPlans)
                .toList());
        Set<ServicePlanId> direct0 = direct.get().disabledPlans();
        UserId user = licenses.subject().id();
        String upn = licenses.subject().userPrincipalName();
        if (after.isEmpty()) {
            if (blocked != null) {
                Verdict verdict = target.members().contains(user) ? Verdict.NOT_INHERITED : Verdict.NO_GROUP;
                return Optional.of(kept(user, upn, verdict, blocked, direct0, disabledBefore));
            }
            Optional<LicenseAssignment> failing = inherited.stream().findFirst();
            if (failing.isEmpty()) {
                return Optional.of(
                        kept(user, upn, Verdict.NO_GROUP, "inherits it from no group", direct0, disabledBefore));
            }
            LicenseAssignment f = failing.get();
            GroupId group = f.source().groupOrNull();
            String from = groupNames.getOrDefault(group, String.valueOf(group));
            String why = f.isPendingRemoval()
                    ? "its license from " + from + " is pending removal"
                    : "its license from " + from + " is " + (f.isWaiting() ? "waiting for a seat" : "in error")
                            + (f.reason() == null ? "" : ": " + f.reason());
            return Optional.of(kept(user, upn, Verdict.NOT_INHERITED, why, direct0, disabledBefore));
        }
        Set<ServicePlanId> disabledAfter = intersection(after);
        Set<ServicePlanId> before = product.enabledPlans(disabledBefore);
        Set<ServicePlanId> afterPlans = product.enabledPlans(disabledAfter);
        Set<ServicePlanId> gained = new TreeSet<>(afterPlans);
        gained.removeAll(before);
        Set<ServicePlanId> lost = new TreeSet<>(before);
        lost.removeAll(afterPlans);
        boolean same = gained.isEmpty() && lost.isEmpty();
        String reason = same
                ? (joins ? "joins " + target.name() + ", then its direct license is removed" : "inherits it already")
                : "its enabled plans would change";
        return Optional.of(new UserPlan(
                user,
                upn,
                same ? Verdict.NEUTRAL : Verdict.PLANS_DIFFER,
                joins,
                reason,
                direct0,
                disabledBefore,
                disabledAfter,
                gained,
                lost));
    }

    private static UserPlan kept(
            UserId user,
            String upn,
            Verdict verdict,
            String reason,
            Set<ServicePlanId> direct,
            Set<ServicePlanId> now) {
        return new UserPlan(user, upn, verdict, false, reason, direct, now, now, Set.of(), Set.of());
    }

    private static Set<ServicePlanId> intersection(List<Set<ServicePlanId>> sets) {
        if (sets.isEmpty()) {
            return Set.of();
        }
        Set<ServicePlanId> all = new HashSet<>(sets.get(0));
        sets.forEach(all::retainAll);
        return Set.copyOf(all);
    }

    /**
     * Why the engine's result of removing a direct license is not what the migration may do, if it is not: every
     * product keeps or lacks its seat as before, and keeps its enabled plans (the migrated product's may change only
     * when {@code acceptPlanChanges}).
     */
    static Optional<String> notNeutral(
            UserLicenses before, UserLicenses after, SkuId migrated, boolean acceptPlanChanges) {
        Set<SkuId> skus = new HashSet<>();
        before.assignments().forEach(a -> skus.add(a.sku()));
        after.assignments().forEach(a -> skus.add(a.sku()));
        Map<SkuId, Set<ServicePlanId>> disabledBefore = disabled(before);
        Map<SkuId, Set<ServicePlanId>> disabledAfter = disabled(after);
        for (SkuId sku : skus) {
            if (before.holdsSeat(sku) != after.holdsSeat(sku)) {
                return Optional.of("removing the direct license would " + (after.holdsSeat(sku) ? "take" : "free")
                        + " a seat of " + sku);
            }
            boolean mayChange = acceptPlanChanges && sku.equals(migrated);
            if (!mayChange && !Objects.equals(disabledBefore.get(sku), disabledAfter.get(sku))) {
                return Optional.of("removing the direct license would change the enabled plans of " + sku);
            }
        }
        return Optional.empty();
    }

    private static Map<SkuId, Set<ServicePlanId>> disabled(UserLicenses licenses) {
        Map<SkuId, Set<ServicePlanId>> disabled = new java.util.HashMap<>();
        licenses.assignedLicenses().forEach(l -> disabled.put(l.skuId(), Set.copyOf(l.disabledPlans())));
        return disabled;
    }
}
