package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;

/**
 * What a direct → group migration decides on, read in the caller's unit of work: the product and the chosen group,
 * checked ({@link #setup}); each direct holder's plan ({@link #plans}, by {@link MigrationPlan}); the groups that
 * assign the product. The preview ({@link DirectToGroup}) and the run ({@link DirectToGroupJob}) read them alike.
 */
final class MigrationCandidates {
    private final Groups groups;
    private final Memberships memberships;
    private final GroupLicenses groupLicenses;
    private final Assignments assignments;
    private final ProductCatalog catalog;

    MigrationCandidates(
            Groups groups,
            Memberships memberships,
            GroupLicenses groupLicenses,
            Assignments assignments,
            ProductCatalog catalog) {
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.assignments = Objects.requireNonNull(assignments);
        this.catalog = Objects.requireNonNull(catalog);
    }

    /** The product and the chosen group of a migration, checked. */
    record Setup(Product product, Group group, Set<ServicePlanId> groupDisabled, String cannotJoin) {
        MigrationPlan.Target target(Set<UserId> members) {
            return group == null
                    ? null
                    : new MigrationPlan.Target(group.id(), group.displayName(), groupDisabled, cannotJoin, members);
        }
    }

    /** The product named by SKU id or part number and the chosen group (null: none), checked. */
    Outcome<Setup> setup(TenantId tenant, String sku, GroupId groupId) {
        Catalog products = catalog.forTenant(tenant);
        Optional<Product> product = products.lookup(sku);
        if (product.isEmpty()) {
            return Outcome.refused(Rejection.notFound(sku));
        }
        if (groupId == null) {
            return Outcome.done(new Setup(product.get(), null, Set.of(), null));
        }
        Optional<Group> group = groups.find(tenant, groupId);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        Optional<GroupLicense> license = groupLicenses.of(tenant, groupId).stream()
                .filter(l -> l.license().skuId().equals(product.get().skuId()))
                .findFirst();
        if (license.isEmpty()) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.INVALID_REQUEST,
                    "Group %s does not assign %s: add the product to the group's licenses first.",
                    group.get().displayName(),
                    product.get().label()));
        }
        String cannotJoin = group.get().isDynamic()
                ? group.get().displayName() + "'s members are decided by its membership rule"
                : group.get().onPremisesSyncEnabled()
                        ? group.get().displayName() + " is synced from the directory, which decides its members"
                        : null;
        return Outcome.done(
                new Setup(product.get(), group.get(), license.get().license().disabledPlans(), cannotJoin));
    }

    /** The groups that assign the product, by name: where its holders can be moved to. */
    List<Group> groupsAssigning(TenantId tenant, Product product) {
        return groupLicenses.ofGroups(tenant, groupLicenses.licensedGroups(tenant)).entrySet().stream()
                .filter(e ->
                        e.getValue().stream().anyMatch(l -> l.license().skuId().equals(product.skuId())))
                .map(e -> groups.find(tenant, e.getKey()))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Group::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The plans of the direct holders among {@code ids}, as they stand in the caller's unit of work. */
    List<MigrationPlan.UserPlan> plans(TenantId tenant, Setup setup, List<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UserId, LicenseSubject> subjects = assignments.subjects(tenant, ids);
        Map<UserId, List<LicenseAssignment>> current = assignments.of(tenant, ids);
        MigrationPlan.Target target = setup.target(
                setup.group() == null
                        ? Set.of()
                        : memberships.groupsOfUsers(tenant, ids).entrySet().stream()
                                .filter(e ->
                                        e.getValue().containsKey(setup.group().id()))
                                .map(Map.Entry::getKey)
                                .collect(Collectors.toSet()));
        Map<GroupId, String> names = new HashMap<>();
        List<MigrationPlan.UserPlan> plans = new ArrayList<>();
        for (UserId id : ids) {
            LicenseSubject subject = subjects.get(id);
            if (subject == null || subject.deleted()) {
                continue;
            }
            List<LicenseAssignment> rows = current.getOrDefault(id, List.of());
            rows.stream()
                    .filter(a -> a.sku().equals(setup.product().skuId())
                            && !a.source().isDirect())
                    .map(a -> a.source().groupOrNull())
                    .forEach(g -> names.computeIfAbsent(
                            g,
                            k -> groups.find(tenant, k).map(Group::displayName).orElse(k.toString())));
            MigrationPlan.of(new UserLicenses(subject, rows), setup.product(), target, names)
                    .ifPresent(plans::add);
        }
        return plans;
    }
}
