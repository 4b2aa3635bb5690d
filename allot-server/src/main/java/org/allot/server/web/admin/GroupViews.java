package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.SeatImpact;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.query.Query;

/** Builds what the group pages show: licenses with their apps, members with their license state, errors, impact. */
public final class GroupViews {
    static final int MEMBERS_PAGE = 100;
    static final int ERRORS_SHOWN = 50;

    /** A license the group assigns, with the apps it switches off. */
    public record LicenseRow(
            String skuId, String name, String partNumber, int appsOn, int appsTotal, List<String> appsOff) {}

    /** A product the assign form offers, ticked when the group has it, with its apps as switches. */
    public record ProductOption(ProductChoices.Choice choice, boolean assigned, List<LicenseView.App> apps) {}

    /** A member of the group and how the group's licenses stand for them. */
    public record MemberRow(
            UUID id,
            boolean user,
            String name,
            String detail,
            boolean guest,
            boolean direct,
            String state,
            String style) {}

    /** A member whose license from the group is in error. */
    public record ErrorRow(
            UUID userId, String name, String userPrincipalName, String product, LicenseView.Problem problem) {}

    /** Per product, what a change would do, with the first users who would wait or lose it named. */
    public record ImpactRow(
            String name,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<String> wouldWaitSample,
            int wouldLose,
            List<String> wouldLoseSample) {}

    /** A page of members, and where the next page starts. */
    public record MemberPage(List<MemberRow> rows, String next) {}

    private final ProductCatalog catalog;
    private final UserLicensing licensing;
    private final DirectoryQueries directory;
    private final LicenseQueries queries;
    private final Memberships memberships;
    private final UserViews users;

    public GroupViews(
            ProductCatalog catalog,
            UserLicensing licensing,
            DirectoryQueries directory,
            LicenseQueries queries,
            Memberships memberships,
            UserViews users) {
        this.catalog = catalog;
        this.licensing = licensing;
        this.directory = directory;
        this.queries = queries;
        this.memberships = memberships;
        this.users = users;
    }

    public List<LicenseRow> licenses(TenantId tenant, List<GroupLicense> licenses) {
        Catalog products = catalog.forTenant(tenant);
        List<LicenseRow> rows = new ArrayList<>();
        for (GroupLicense l : licenses) {
            Product product = products.find(l.license().skuId()).orElse(null);
            Set<ServicePlanId> off = l.license().disabledPlans();
            rows.add(new LicenseRow(
                    l.license().skuId().toString(),
                    product == null ? l.license().skuId().toString() : product.displayName(),
                    product == null ? "" : product.skuPartNumber(),
                    product == null ? 0 : product.servicePlans().size() - off.size(),
                    product == null ? 0 : product.servicePlans().size(),
                    off.stream().map(products::planLabel).sorted().toList()));
        }
        rows.sort(Comparator.comparing(LicenseRow::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** The subscribed products, ticked and switched as the group has them now. */
    public List<ProductOption> options(
            TenantId tenant, List<ProductChoices.Choice> choices, List<GroupLicense> current) {
        Catalog products = catalog.forTenant(tenant);
        List<ProductOption> options = new ArrayList<>();
        for (ProductChoices.Choice choice : choices) {
            Product product = products.find(new org.allot.core.catalog.SkuId(UUID.fromString(choice.skuId())))
                    .orElseThrow();
            GroupLicense assigned = current.stream()
                    .filter(l -> l.license().skuId().equals(product.skuId()))
                    .findFirst()
                    .orElse(null);
            options.add(new ProductOption(
                    choice,
                    assigned != null,
                    users.switches(
                            product,
                            assigned == null ? Set.of() : assigned.license().disabledPlans())));
        }
        return options;
    }

    /** Members of the group, directly or (with {@code transitive}) through nested groups, a page at a time. */
    public MemberPage members(TenantId tenant, Group group, boolean transitive, UUID after) {
        var page = directory.members(tenant, group.id(), transitive, MEMBERS_PAGE, after);
        List<UserId> userIds = new ArrayList<>();
        page.rows().forEach(o -> {
            if (o instanceof DirectoryQueries.UserObject u) {
                userIds.add(u.user().id());
            }
        });
        Map<UserId, List<LicenseAssignment>> assignments = licensing.assignmentsOf(tenant, userIds);
        Map<UserId, Map<GroupId, Boolean>> groups = transitive ? memberships.groupsOfUsers(tenant, userIds) : Map.of();
        List<MemberRow> rows = new ArrayList<>();
        for (DirectoryQueries.DirectoryObject o : page.rows()) {
            if (o instanceof DirectoryQueries.UserObject u) {
                User user = u.user();
                List<LicenseAssignment> fromGroup = assignments.getOrDefault(user.id(), List.of()).stream()
                        .filter(a -> group.id().equals(a.source().groupOrNull()))
                        .toList();
                boolean direct = !transitive
                        || Boolean.TRUE.equals(
                                groups.getOrDefault(user.id(), Map.of()).get(group.id()));
                String[] state = state(fromGroup);
                rows.add(new MemberRow(
                        user.id().value(),
                        true,
                        user.displayName() == null ? user.userPrincipalName() : user.displayName(),
                        user.userPrincipalName(),
                        user.isGuest(),
                        direct,
                        state[0],
                        state[1]));
            } else if (o instanceof DirectoryQueries.GroupObject g) {
                rows.add(new MemberRow(
                        g.group().id().value(), false, g.group().displayName(), "Group", false, !transitive, "", ""));
            }
        }
        rows.sort(Comparator.comparing(MemberRow::user)
                .reversed()
                .thenComparing(MemberRow::name, String.CASE_INSENSITIVE_ORDER));
        return new MemberPage(
                rows, page.next() == null ? null : page.next().id().toString());
    }

    private static String[] state(List<LicenseAssignment> fromGroup) {
        if (fromGroup.isEmpty()) {
            return new String[] {"—", "secondary"};
        }
        if (fromGroup.stream().anyMatch(LicenseAssignment::isWaiting)) {
            return new String[] {"Waiting for a seat", "info"};
        }
        if (fromGroup.stream().anyMatch(a -> a.error() != null)) {
            return new String[] {"Error", "danger"};
        }
        if (fromGroup.stream().anyMatch(a -> a.state() == null)) {
            return new String[] {"Pending", "secondary"};
        }
        return new String[] {"Licensed", "success"};
    }

    /** The members whose licenses from the group are in error, with what happened and what to do. */
    public List<ErrorRow> errors(TenantId tenant, Group group) {
        var page = directory.membersWithLicenseErrors(tenant, group.id(), Query.firstPage(ERRORS_SHOWN));
        Map<UserId, List<LicenseAssignment>> assignments = licensing.assignmentsOf(
                tenant, page.rows().stream().map(User::id).toList());
        Catalog products = catalog.forTenant(tenant);
        List<ErrorRow> rows = new ArrayList<>();
        for (User user : page.rows()) {
            for (LicenseAssignment a : assignments.getOrDefault(user.id(), List.of())) {
                if (group.id().equals(a.source().groupOrNull()) && a.error() != null) {
                    String product = products.find(a.sku())
                            .map(Product::displayName)
                            .orElse(a.sku().toString());
                    rows.add(new ErrorRow(
                            user.id().value(),
                            user.displayName() == null ? user.userPrincipalName() : user.displayName(),
                            user.userPrincipalName(),
                            product,
                            Problems.of(a, product, null)));
                }
            }
        }
        return rows;
    }

    public List<ImpactRow> impact(TenantId tenant, SeatImpact impact) {
        Catalog products = catalog.forTenant(tenant);
        Set<UUID> sampled = new HashSet<>();
        impact.skus().forEach(s -> {
            s.wouldWaitSample().forEach(u -> sampled.add(u.value()));
            s.wouldLoseSample().forEach(u -> sampled.add(u.value()));
        });
        Map<UUID, LicenseQueries.UserName> names = queries.userNames(tenant, sampled);
        List<ImpactRow> rows = new ArrayList<>();
        for (SeatImpact.Sku s : impact.skus()) {
            rows.add(new ImpactRow(
                    products.find(s.sku())
                            .map(Product::displayName)
                            .orElse(s.sku().toString()),
                    s.availableNow(),
                    s.seatsTaken(),
                    s.seatsFreed(),
                    s.wouldWait(),
                    named(s.wouldWaitSample(), names),
                    s.wouldLose(),
                    named(s.wouldLoseSample(), names)));
        }
        return rows;
    }

    private static List<String> named(List<UserId> users, Map<UUID, LicenseQueries.UserName> names) {
        return users.stream()
                .limit(10)
                .map(u -> names.containsKey(u.value()) ? names.get(u.value()).userPrincipalName() : u.toString())
                .toList();
    }
}
