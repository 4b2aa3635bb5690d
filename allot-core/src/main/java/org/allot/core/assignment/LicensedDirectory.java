package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;
import org.allot.core.query.Page;
import org.allot.core.query.Query;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Reads the directory as the API shows it: users and groups a page at a time, filtered and ordered, with their
 * licenses when asked for. Each read is one unit of work, so what it returns is one consistent view.
 */
public final class LicensedDirectory {
    private final Transactions transactions;
    private final DirectoryQueries queries;
    private final Users users;
    private final Groups groups;
    private final Assignments assignments;
    private final GroupLicenses groupLicenses;
    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseQueries licenses;
    private final Memberships memberships;

    public LicensedDirectory(
            Transactions transactions,
            DirectoryQueries queries,
            Users users,
            Groups groups,
            Assignments assignments,
            GroupLicenses groupLicenses,
            ProductCatalog catalog,
            Seats seats,
            LicenseQueries licenses,
            Memberships memberships) {
        this.transactions = Objects.requireNonNull(transactions);
        this.queries = Objects.requireNonNull(queries);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.assignments = Objects.requireNonNull(assignments);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.catalog = Objects.requireNonNull(catalog);
        this.seats = Objects.requireNonNull(seats);
        this.licenses = Objects.requireNonNull(licenses);
        this.memberships = Objects.requireNonNull(memberships);
    }

    /** A page of users (deleted ones, awaiting purge, or the others), with their licenses when asked for. */
    public Page<LicensedUser> users(TenantId tenant, Query query, boolean deleted, boolean withLicenses) {
        return transactions.read(() -> licensed(
                tenant,
                queries.users(
                        tenant,
                        PlanFilters.resolve(query, () -> catalog.forTenant(tenant), () -> seats.all(tenant)),
                        deleted),
                withLicenses));
    }

    /** A user named by id or principal name, unless deleted. */
    public Optional<LicensedUser> user(TenantId tenant, UserRef user, boolean withLicenses) {
        return transactions.read(() -> user.find(tenant, users)
                .map(u -> licensed(tenant, List.of(u), withLicenses).get(0)));
    }

    /**
     * A user named by id or principal name, unless deleted, with their licenses but without the seat figures
     * ({@link LicensedUser#seats()} empty): for what shows licenses and no plan's capacity, such as Graph's
     * licenseDetails.
     */
    public Optional<LicensedUser> userLicenses(TenantId tenant, UserRef user) {
        return transactions.read(
                () -> assignments.userWithAssignments(tenant, user, users).map(held -> {
                    User u = held.user();
                    return new LicensedUser(
                            u,
                            new UserLicenses(LicenseSubject.of(u), held.assignments()),
                            catalog.forTenant(tenant),
                            Map.of());
                }));
    }

    /** A deleted user awaiting purge, with their licenses (kept until then). */
    public Optional<LicensedUser> deletedUser(TenantId tenant, UserId id) {
        return transactions.read(
                () -> users.find(tenant, id).filter(User::isDeleted).map(u -> licensed(tenant, List.of(u), true)
                        .get(0)));
    }

    /** A page of groups, with what they assign when asked for. */
    public Page<LicensedGroup> groups(TenantId tenant, Query query, boolean withLicenses) {
        return transactions.read(() -> {
            Page<Group> page = queries.groups(tenant, query);
            List<LicensedGroup> rows = groupsLicensed(tenant, page.rows(), withLicenses);
            return new Page<>(rows, page.count(), page.next());
        });
    }

    /** A group, with what it assigns when asked for. */
    public Optional<LicensedGroup> group(TenantId tenant, GroupId id, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, id)
                .map(g -> groupsLicensed(tenant, List.of(g), withLicenses).get(0)));
    }

    /** The members of a group a page at a time, users and groups in id order; empty when there is no such group. */
    public Optional<Page<DirectoryQueries.DirectoryObject>> members(
            TenantId tenant, GroupId group, boolean transitive, int top, UUID after) {
        return transactions.read(
                () -> groups.find(tenant, group).map(g -> queries.members(tenant, g.id(), transitive, top, after)));
    }

    /** The groups a user belongs to, directly or also through nesting; empty when there is no such user. */
    public Optional<List<LicensedGroup>> groupsOfUser(
            TenantId tenant, UserRef user, boolean transitive, boolean withLicenses) {
        return transactions.read(() -> user.find(tenant, users)
                .map(u -> groupsLicensed(
                        tenant, queries.memberOf(tenant, u.id().value(), true, transitive), withLicenses)));
    }

    /** The groups a group is a direct member of; empty when there is no such group. */
    public Optional<List<LicensedGroup>> groupsOfGroup(TenantId tenant, GroupId group, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g ->
                        groupsLicensed(tenant, queries.memberOf(tenant, g.id().value(), false, false), withLicenses)));
    }

    /** The members with a license in error from the group (Graph's membersWithLicenseErrors); empty: no group. */
    public Optional<Page<LicensedUser>> membersWithLicenseErrors(
            TenantId tenant, GroupId group, Query query, boolean withLicenses) {
        return transactions.read(() -> groups.find(tenant, group)
                .map(g -> licensed(
                        tenant,
                        queries.membersWithLicenseErrors(
                                tenant,
                                g.id(),
                                PlanFilters.resolve(query, () -> catalog.forTenant(tenant), () -> seats.all(tenant))),
                        withLicenses)));
    }

    /**
     * A user with their licenses and what explains them: the names of the groups they come from, the user's place in
     * each waiting list they are in, and the groups the user is a direct member of. Empty when there is no such user
     * or it is deleted.
     */
    public Optional<UserDetail> userDetail(TenantId tenant, UserId id) {
        return transactions.read(
                () -> users.find(tenant, id).filter(u -> !u.isDeleted()).map(u -> {
                    LicensedUser user = licensed(tenant, List.of(u), true).get(0);
                    List<LicenseAssignment> rows = user.licenses().assignments();
                    Map<UUID, String> groupNames = licenses.groupNames(
                            tenant,
                            rows.stream()
                                    .filter(a -> !a.source().isDirect())
                                    .map(a -> a.source().groupOrNull().value())
                                    .toList());
                    Map<SkuId, Integer> positions = new LinkedHashMap<>();
                    rows.stream()
                            .map(LicenseAssignment::sku)
                            .distinct()
                            .filter(sku -> user.licenses().isWaitingFor(sku))
                            .forEach(sku ->
                                    licenses.waitingPosition(tenant, sku, id).ifPresent(p -> positions.put(sku, p)));
                    return new UserDetail(
                            user, groupNames, positions, queries.memberOf(tenant, id.value(), true, false));
                }));
    }

    /** A user's licenses with what explains them; see {@link #userDetail}. */
    public record UserDetail(
            LicensedUser user, Map<UUID, String> groupNames, Map<SkuId, Integer> waitingPositions, List<Group> groups) {
        public UserDetail {
            groupNames = Map.copyOf(groupNames);
            waitingPositions = Map.copyOf(waitingPositions);
            groups = List.copyOf(groups);
        }
    }

    /** A group of a list, with what it assigns and how many direct members it has and how many are in error. */
    public record GroupSummary(LicensedGroup group, int members, int membersInError) {}

    /** A page of groups with what they assign and their member counts. */
    public Page<GroupSummary> groupSummaries(TenantId tenant, Query query) {
        return transactions.read(() -> {
            Page<Group> page = queries.groups(tenant, query);
            List<GroupId> ids = page.rows().stream().map(Group::id).toList();
            Map<GroupId, Integer> errors = licenses.errorCounts(tenant, ids);
            Map<GroupId, Integer> counts = licenses.memberCounts(tenant, ids);
            return new Page<>(
                    groupsLicensed(tenant, page.rows(), true).stream()
                            .map(g -> new GroupSummary(
                                    g,
                                    counts.getOrDefault(g.group().id(), 0),
                                    errors.getOrDefault(g.group().id(), 0)))
                            .toList(),
                    page.count(),
                    page.next());
        });
    }

    /**
     * A group with what it assigns, and how that stands for its members: a page of them (users with their
     * assignments; with {@code transitive} also the members of nested groups, and which users are direct members)
     * and the first guests among its members. Its members in error are {@link MembersInError}.
     */
    public Optional<GroupDetail> groupDetail(
            TenantId tenant, GroupId id, boolean transitive, UUID after, int membersShown, int guests) {
        return transactions.read(() -> groups.find(tenant, id).map(group -> {
            LicensedGroup licensed =
                    groupsLicensed(tenant, List.of(group), true).get(0);
            Page<DirectoryQueries.DirectoryObject> members =
                    queries.members(tenant, id, transitive, membersShown, after);
            List<UserId> userIds = new ArrayList<>();
            members.rows().forEach(o -> {
                if (o instanceof DirectoryQueries.UserObject u) {
                    userIds.add(u.user().id());
                }
            });
            Map<UserId, Map<GroupId, Boolean>> groupsOfMembers =
                    transitive ? memberships.groupsOfUsers(tenant, userIds) : Map.of();
            return new GroupDetail(
                    licensed.licensing(),
                    members,
                    assignments.of(tenant, userIds),
                    groupsOfMembers,
                    licenses.memberCounts(tenant, List.of(id)).getOrDefault(id, 0),
                    transitive ? memberships.countUserMembers(tenant, id, true) : -1,
                    licenses.guestMembers(tenant, id, guests),
                    catalog.forTenant(tenant));
        }));
    }

    /**
     * A group and how its licenses stand for its members; see {@link #groupDetail}. {@code usersWithNested} counts the
     * users among its members, nested groups' included, when the members are listed so (-1 otherwise).
     */
    public record GroupDetail(
            GroupLicensing.GroupLicenseState state,
            Page<DirectoryQueries.DirectoryObject> members,
            Map<UserId, List<LicenseAssignment>> memberAssignments,
            Map<UserId, Map<GroupId, Boolean>> groupsOfMembers,
            int directMembers,
            long usersWithNested,
            LicenseQueries.GuestMembers guests,
            Catalog catalog) {}

    /** Users by id, as lists of names show them. */
    public Map<UUID, LicenseQueries.UserName> userNames(TenantId tenant, Collection<UUID> ids) {
        return transactions.read(() -> licenses.userNames(tenant, ids));
    }

    /** Display names of groups by id. */
    public Map<UUID, String> groupNames(TenantId tenant, Collection<UUID> ids) {
        return transactions.read(() -> licenses.groupNames(tenant, ids));
    }

    /** Where the tenant's users stand: how many there are and need attention, and the groups with most errors. */
    public record Attention(LicenseQueries.UserCounts users, List<LicenseQueries.GroupErrors> groupsInError) {}

    public Attention attention(TenantId tenant, int groupsShown) {
        return transactions.read(
                () -> new Attention(licenses.userCounts(tenant), licenses.groupsWithErrors(tenant, groupsShown)));
    }

    private Page<LicensedUser> licensed(TenantId tenant, Page<User> page, boolean withLicenses) {
        return new Page<>(licensed(tenant, page.rows(), withLicenses), page.count(), page.next());
    }

    private List<LicensedUser> licensed(TenantId tenant, List<User> rows, boolean withLicenses) {
        if (!withLicenses) {
            return rows.stream().map(LicensedUser::withoutLicenses).toList();
        }
        Map<UserId, List<LicenseAssignment>> held =
                assignments.of(tenant, rows.stream().map(User::id).toList());
        Catalog products = catalog.forTenant(tenant);
        Map<SkuId, SeatCount> counts = seats.all(tenant);
        List<LicensedUser> result = new ArrayList<>();
        for (User u : rows) {
            UserLicenses licenses = new UserLicenses(LicenseSubject.of(u), held.getOrDefault(u.id(), List.of()));
            result.add(new LicensedUser(u, licenses, products, counts));
        }
        return result;
    }

    private List<LicensedGroup> groupsLicensed(TenantId tenant, Collection<Group> rows, boolean withLicenses) {
        if (!withLicenses) {
            return rows.stream().map(LicensedGroup::withoutLicenses).toList();
        }
        Map<GroupId, List<GroupLicense>> assigned =
                groupLicenses.ofGroups(tenant, rows.stream().map(Group::id).toList());
        List<LicensedGroup> result = new ArrayList<>();
        for (Group g : rows) {
            result.add(LicensedGroup.of(new GroupLicensing.GroupLicenseState(
                    g,
                    assigned.getOrDefault(g.id(), List.of()),
                    groupLicenses.state(tenant, g.id()),
                    groupLicenses.priority(tenant, g.id()))));
        }
        return result;
    }
}
