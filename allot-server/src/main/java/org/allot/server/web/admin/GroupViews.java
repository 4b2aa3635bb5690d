package org.allot.server.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.MembersInError;
import org.allot.core.assignment.SeatImpact;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/** Builds what the group pages show: licenses with their apps, members with their license state, errors, impact. */
public final class GroupViews {
    static final int MEMBERS_PAGE = 100;
    static final int ERRORS_PAGE = 50;

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

    /** A member whose license from the group is in error; {@code waitingPosition} null unless waiting. */
    public record ErrorRow(
            UUID userId,
            String name,
            String userPrincipalName,
            String product,
            LicenseView.Problem problem,
            Integer waitingPosition) {}

    /** How many members are in one error with one reason, for one product. */
    public record ErrorSummaryRow(String product, String title, String reason, int users) {}

    /** Per product, what a change would do, with the first users who would wait or lose it named. */
    public record ImpactRow(
            String name,
            int availableNow,
            int seatsTaken,
            int seatsFreed,
            int wouldWait,
            List<String> wouldWaitSample,
            int wouldLose,
            List<String> wouldLoseSample,
            List<PoolRow> pools) {}

    /**
     * One allotment of a product (or its remainder: {@code name} "Unallotted") before and after a change: its seats,
     * holders now and after, waiting users now and after; {@code queues} when the change would leave more users waiting
     * for it than now.
     */
    public record PoolRow(
            String name,
            int seats,
            int consumedNow,
            int consumedAfter,
            int waitingNow,
            int waitingAfter,
            boolean queues) {
        static PoolRow of(SeatImpact.Pool p) {
            return new PoolRow(
                    p.allotment() == null ? "Unallotted" : p.allotment().displayName(),
                    p.seats(),
                    p.consumedNow(),
                    p.consumedAfter(),
                    p.waitingNow(),
                    p.waitingAfter(),
                    p.fillsAndQueues());
        }
    }

    /** A page of members, and where the next page starts. */
    public record MemberPage(List<MemberRow> rows, String next) {}

    private GroupViews() {}

    static List<LicenseRow> licenses(Catalog products, List<GroupLicense> licenses) {
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
    static List<ProductOption> options(
            Catalog products, List<ProductChoices.Choice> choices, List<GroupLicense> current) {
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
                    UserViews.switches(
                            product,
                            assigned == null ? Set.of() : assigned.license().disabledPlans())));
        }
        return options;
    }

    /** Members of the group, directly or (with {@code transitive}) through nested groups, a page at a time. */
    static MemberPage members(LicensedDirectory.GroupDetail detail, boolean transitive) {
        Group group = detail.state().group();
        var page = detail.members();
        Map<UserId, List<LicenseAssignment>> assignments = detail.memberAssignments();
        Map<UserId, Map<GroupId, Boolean>> groups = detail.groupsOfMembers();
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
                String[] state = state(fromGroup, detail.catalog());
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

    private static String[] state(List<LicenseAssignment> fromGroup, Catalog products) {
        if (fromGroup.isEmpty()) {
            return new String[] {"—", "secondary"};
        }
        List<String> waitingFor = fromGroup.stream()
                .filter(LicenseAssignment::isWaiting)
                .map(a -> ProductChoices.name(products, a.sku()))
                .toList();
        if (!waitingFor.isEmpty()) {
            return new String[] {"Waiting for a seat of " + String.join(", ", waitingFor), "info"};
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
    static List<ErrorRow> errors(MembersInError.View view) {
        Catalog products = view.catalog();
        List<ErrorRow> rows = new ArrayList<>();
        for (MembersInError.Member member : view.members().rows()) {
            User user = member.user().user();
            for (LicenseAssignment a : member.errors()) {
                String product = ProductChoices.name(products, a.sku());
                Integer position = member.waitingPositions().get(a.sku());
                rows.add(new ErrorRow(
                        user.id().value(),
                        user.displayName() == null ? user.userPrincipalName() : user.displayName(),
                        user.userPrincipalName(),
                        product,
                        Problems.of(a, product, position),
                        position));
            }
        }
        return rows;
    }

    /** The members in error counted by product, error (in plain words) and reason. */
    static List<ErrorSummaryRow> summary(MembersInError.View view) {
        return view.summary().stream()
                .map(c -> {
                    String product = ProductChoices.name(view.catalog(), c.sku());
                    return new ErrorSummaryRow(product, Problems.title(c.error(), c.reason()), c.reason(), c.users());
                })
                .toList();
    }

    /** The users a preview samples, to name them. */
    static Set<UUID> sampled(SeatImpact impact) {
        Set<UUID> sampled = new HashSet<>();
        impact.skus().forEach(s -> {
            s.wouldWaitSample().forEach(u -> sampled.add(u.value()));
            s.wouldLoseSample().forEach(u -> sampled.add(u.value()));
        });
        return sampled;
    }

    static List<ImpactRow> impact(Catalog products, Map<UUID, LicenseQueries.UserName> names, SeatImpact impact) {
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
                    named(s.wouldLoseSample(), names),
                    s.pools().stream().map(PoolRow::of).toList()));
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
