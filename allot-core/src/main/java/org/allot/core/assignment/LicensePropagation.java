package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.MembershipChange;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.CapacityListener;

/**
 * Keeps licenses in line with the directory and with capacity: joining or leaving a licensed group (directly or
 * through nesting), usage location and user type changes, deletion and restore, tenant policy changes, and seats
 * added or freed, which go to the waiting list at once.
 */
public final class LicensePropagation implements DirectoryListener, CapacityListener {
    private final Reconciler reconciler;
    private final GroupLicensing groupLicensing;
    private final GroupLicenses groupLicenses;
    private final Memberships memberships;
    private final Assignments assignments;
    private final ProductCatalog catalog;
    private final LicensingSettings settings;

    LicensePropagation(
            Reconciler reconciler,
            GroupLicensing groupLicensing,
            GroupLicenses groupLicenses,
            Memberships memberships,
            Assignments assignments,
            ProductCatalog catalog,
            LicensingSettings settings) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.groupLicensing = Objects.requireNonNull(groupLicensing);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.memberships = Objects.requireNonNull(memberships);
        this.assignments = Objects.requireNonNull(assignments);
        this.catalog = Objects.requireNonNull(catalog);
        this.settings = Objects.requireNonNull(settings);
    }

    @Override
    public Optional<Rejection> checkUserUpdate(Caller caller, User before, User after) {
        if (Objects.equals(before.usageLocation(), after.usageLocation())) {
            return Optional.empty();
        }
        List<LicenseAssignment> direct =
                assignments.of(caller.tenant(), List.of(before.id())).getOrDefault(before.id(), List.of()).stream()
                        .filter(a -> a.source().isDirect())
                        .toList();
        if (direct.isEmpty()) {
            return Optional.empty();
        }
        if (after.usageLocation() == null) {
            return Optional.of(Rejection.invalid(
                    "The usage location of a user with directly assigned licenses cannot be removed: remove the"
                            + " licenses first."));
        }
        Catalog products = catalog.forTenant(caller.tenant());
        for (LicenseAssignment a : direct) {
            for (ServicePlanId plan : products.find(a.sku())
                    .map(p -> p.enabledPlans(a.disabledPlans()))
                    .orElse(Set.of())) {
                if (products.rules().prohibitedIn(plan, after.usageLocation())) {
                    return Optional.of(Rejection.of(
                            ErrorCode.PROHIBITED_IN_USAGE_LOCATION,
                            "%s of the user's license %s is not available in usage location %s: switch it off or"
                                    + " remove the license first.",
                            products.planLabel(plan),
                            products.productLabel(a.sku()),
                            after.usageLocation()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Rejection> checkGroupDelete(Caller caller, Group group) {
        if (!groupLicenses.of(caller.tenant(), group.id()).isEmpty()) {
            return Optional.of(Rejection.of(
                    ErrorCode.GROUP_HAS_LICENSES,
                    "The group %s still assigns licenses: remove its licenses first, then delete it.",
                    group.displayName()));
        }
        if (groupLicenses.state(caller.tenant(), group.id()) != ProcessingState.ProcessingComplete) {
            return Optional.of(Rejection.of(
                    ErrorCode.CONFLICT,
                    "License changes of the group %s are still being applied: delete it when processing is"
                            + " complete.",
                    group.displayName()));
        }
        return Optional.empty();
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        if (!Objects.equals(before.usageLocation(), after.usageLocation()) || before.userType() != after.userType()) {
            reevaluate(caller, List.of(after.id()), false);
        }
    }

    @Override
    public void userDeleted(Caller caller, User user) {
        reevaluate(caller, List.of(user.id()), false);
    }

    @Override
    public void userRestored(Caller caller, User user) {
        reevaluate(caller, List.of(user.id()), true);
    }

    @Override
    public void userPurging(Caller caller, User user) {
        Reconciler.Work work = reconciler.begin(caller);
        reconciler.apply(work, List.of(user.id()), Changes.REMOVE_ALL);
    }

    @Override
    public void membershipChanged(Caller caller, GroupId group, Member member, boolean added) {
        if (member instanceof Member.OfUser user) {
            joinedOrLeft(caller, user.id());
            return;
        }
        GroupId nested = ((Member.OfGroup) member).id();
        Reconciler.Work work = reconciler.begin(caller);
        if (!work.context.policy().nestedGroupLicensing()) {
            return;
        }
        Set<GroupId> above = new HashSet<>(memberships.ancestorGroups(caller.tenant(), group));
        above.add(group);
        Set<GroupId> licensed = groupLicenses.ofGroups(caller.tenant(), above).keySet();
        if (licensed.isEmpty()) {
            return;
        }
        long users = memberships.countUserMembers(caller.tenant(), nested, true);
        if (users <= settings.inlineLimit()) {
            List<UserId> affected =
                    memberships.userMembers(caller.tenant(), nested, true, null, settings.inlineLimit() + 1);
            reevaluate(caller, affected, true);
        } else {
            licensed.forEach(g -> groupLicensing.schedule(caller, g));
        }
    }

    /** Many members of one group at once: as {@link #membersChanged(Caller, List)} for that group alone. */
    @Override
    public void membersChanged(Caller caller, GroupId group, Collection<Member> added, Collection<Member> removed) {
        List<Member> changed = new ArrayList<>(added);
        changed.addAll(removed);
        propagate(caller, Map.of(group, changed));
    }

    /**
     * The members of several groups changed in one unit of work (directory sync): nothing to do when the tenant has
     * no licensed group; otherwise the licensed groups (read once) above each changed group are found, and the users
     * concerned by every change are re-evaluated together, once each, however many of the groups they are in. A
     * change concerning more users than are re-evaluated inline has the licensed groups above it reconciled in the
     * background instead.
     */
    @Override
    public void membersChanged(Caller caller, List<MembershipChange> changes) {
        Map<GroupId, List<Member>> changed = new LinkedHashMap<>();
        for (MembershipChange change : changes) {
            List<Member> members = changed.computeIfAbsent(change.group().id(), g -> new ArrayList<>());
            members.addAll(change.added());
            members.addAll(change.removed());
        }
        propagate(caller, changed);
    }

    /** {@link #membersChanged(Caller, List)}: each group's members that joined or left it. */
    private void propagate(Caller caller, Map<GroupId, List<Member>> changed) {
        if (changed.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        TenantId tenant = caller.tenant();
        Set<GroupId> licensed = groupLicenses.licensedGroups(tenant);
        if (licensed.isEmpty()) {
            return;
        }
        boolean nested = reconciler.begin(caller).context.policy().nestedGroupLicensing();
        Set<UserId> affected = new TreeSet<>();
        changed.forEach((group, members) -> {
            Set<GroupId> above = new HashSet<>();
            above.add(group);
            if (nested) {
                above.addAll(memberships.ancestorGroups(tenant, group));
            }
            above.retainAll(licensed);
            if (members.isEmpty() || above.isEmpty()) {
                return;
            }
            Set<UserId> users = new TreeSet<>();
            for (Member member : members) {
                if (member instanceof Member.OfUser user) {
                    users.add(user.id());
                } else if (nested) {
                    GroupId child = ((Member.OfGroup) member).id();
                    users.addAll(memberships.userMembers(tenant, child, true, null, settings.inlineLimit() + 1));
                }
                if (users.size() > settings.inlineLimit()) {
                    above.forEach(g -> groupLicensing.schedule(caller, g));
                    return;
                }
            }
            affected.addAll(users);
        });
        reevaluate(caller, new ArrayList<>(affected), true);
    }

    /** A dynamic group's rule moved users in and out: their licenses follow in one unit of work. */
    @Override
    public void ruleApplied(Caller caller, GroupId group, Set<UserId> joined, Set<UserId> left) {
        Set<UserId> users = new TreeSet<>(joined);
        users.addAll(left);
        reevaluate(caller, new ArrayList<>(users), true);
    }

    @Override
    public void tenantUpdated(Caller caller, Tenant before, Tenant after) {
        boolean matters = !Objects.equals(before.defaultUsageLocation(), after.defaultUsageLocation())
                || before.policy().guestLicensing() != after.policy().guestLicensing()
                || before.policy().nestedGroupLicensing() != after.policy().nestedGroupLicensing();
        if (matters) {
            for (GroupId group : groupLicenses.licensedGroups(caller.tenant())) {
                groupLicensing.schedule(caller, group);
            }
        }
    }

    @Override
    public void capacityChanged(Caller caller, SkuId sku) {
        Reconciler.Work work = reconciler.begin(caller.as(Actor.GROUP_BASED_LICENSING));
        work.ledger.count(sku);
        reconciler.finish(work);
    }

    /** Gives the free seats of a SKU to its waiting list (the background job's work). */
    public void fillWaitingList(Caller caller, SkuId sku) {
        capacityChanged(caller, sku);
    }

    /**
     * One user joined or left a group (a request): the user is locked and given the licenses of their groups, decided
     * on seat figures read without a lock (the user's assignments, groups and those groups' licenses and the seat
     * figures read with the lock, in one round trip where the store can); the seat rows are locked last, or the seats taken with the commit
     * ({@link SeatLedger#deferred}), so a join holds a SKU's hot row for as short as an assignLicense does.
     */
    private void joinedOrLeft(Caller caller, UserId user) {
        Assignments.LockedWithLicensing read = reconciler.lockWithLicensing(caller.tenant(), List.of(user));
        if (read.locked().subjects().isEmpty()) {
            return;
        }
        Reconciler.Work work = reconciler.beginDeferred(caller.as(Actor.GROUP_BASED_LICENSING), read);
        reconciler.commit(work, reconciler.reinheritLocked(work, read));
        reconciler.finish(work);
    }

    private void reevaluate(Caller caller, List<UserId> users, boolean withMemberships) {
        if (users.isEmpty()) {
            return;
        }
        Reconciler.Work work = reconciler.begin(caller.as(Actor.GROUP_BASED_LICENSING));
        if (withMemberships) {
            reconciler.commit(work, reconciler.reinherit(work, users));
            reconciler.finish(work);
        } else {
            reconciler.apply(work, new ArrayList<>(users), Changes.NONE);
        }
    }
}
