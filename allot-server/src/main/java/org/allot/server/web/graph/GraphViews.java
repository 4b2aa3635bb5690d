package org.allot.server.web.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.api.graph.AssignedPlan;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.LicenseDetails;
import org.allot.api.graph.LicenseProcessingState;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.UserLicenses;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/** Graph's representations of users and groups, with what licensing adds to them, read from the engine's views. */
public final class GraphViews {
    public static final Set<String> USER_DEFAULT = ordered(
            "businessPhones",
            "displayName",
            "givenName",
            "id",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName");
    public static final Set<String> USER_PROPERTIES = ordered(
            "id",
            "accountEnabled",
            "assignedLicenses",
            "assignedPlans",
            "businessPhones",
            "city",
            "companyName",
            "country",
            "createdDateTime",
            "deletedDateTime",
            "department",
            "displayName",
            "employeeId",
            "givenName",
            "jobTitle",
            "licenseAssignmentStates",
            "mail",
            "mailNickname",
            "mobilePhone",
            "officeLocation",
            "onPremisesImmutableId",
            "onPremisesSamAccountName",
            "onPremisesSyncEnabled",
            "preferredLanguage",
            "surname",
            "usageLocation",
            "userPrincipalName",
            "userType");
    private static final Set<String> LICENSE_PROPERTIES =
            Set.of("assignedLicenses", "assignedPlans", "licenseAssignmentStates");
    public static final Set<String> GROUP_DEFAULT = ordered(
            "id",
            "createdDateTime",
            "description",
            "displayName",
            "groupTypes",
            "mailEnabled",
            "mailNickname",
            "membershipRule",
            "membershipRuleProcessingState",
            "onPremisesSyncEnabled",
            "securityEnabled");
    public static final Set<String> GROUP_PROPERTIES = ordered(
            "id",
            "assignedLicenses",
            "createdDateTime",
            "description",
            "displayName",
            "groupTypes",
            "licenseProcessingState",
            "mailEnabled",
            "mailNickname",
            "membershipRule",
            "membershipRuleProcessingState",
            "onPremisesImmutableId",
            "onPremisesSyncEnabled",
            "securityEnabled",
            "licensePriority");

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(names)));
    }

    private final ProductCatalog catalog;
    private final UserLicensing licensing;
    private final GroupLicenses groupLicenses;
    private final Seats seats;

    public GraphViews(ProductCatalog catalog, UserLicensing licensing, GroupLicenses groupLicenses, Seats seats) {
        this.catalog = catalog;
        this.licensing = licensing;
        this.groupLicenses = groupLicenses;
        this.seats = seats;
    }

    /** Users as Graph shows them; license properties are loaded only when selected. */
    public List<org.allot.api.graph.User> users(TenantId tenant, List<User> users, ODataQuery query) {
        boolean licenses = query != null
                && query.select() != null
                && query.select().stream().anyMatch(LICENSE_PROPERTIES::contains);
        Map<UserId, List<LicenseAssignment>> rows = licenses
                ? licensing.assignmentsOf(tenant, users.stream().map(User::id).toList())
                : Map.of();
        Catalog products = licenses ? catalog.forTenant(tenant) : null;
        Map<SkuId, SeatCount> counts = licenses ? seats.all(tenant) : Map.of();
        List<org.allot.api.graph.User> result = new ArrayList<>();
        for (User u : users) {
            UserLicenses l =
                    licenses ? new UserLicenses(LicenseSubject.of(u), rows.getOrDefault(u.id(), List.of())) : null;
            result.add(user(u, l, products, counts));
        }
        return result;
    }

    /** One user with its licenses. */
    public org.allot.api.graph.User user(TenantId tenant, User user) {
        UserLicenses l = new UserLicenses(
                LicenseSubject.of(user),
                licensing.assignmentsOf(tenant, List.of(user.id())).getOrDefault(user.id(), List.of()));
        return user(user, l, catalog.forTenant(tenant), seats.all(tenant));
    }

    /** A user as Graph shows them, with their licenses when they were read. */
    public static org.allot.api.graph.User user(LicensedUser user) {
        return user(user.user(), user.licenses(), user.catalog(), user.seats());
    }

    /** Graph's licenseDetails of a user read with their licenses. */
    public static List<LicenseDetails> licenseDetails(LicensedUser licensed) {
        User user = licensed.user();
        List<LicenseDetails> details = new ArrayList<>();
        for (UserLicenses.LicenseDetail d : licensed.licenses().details(licensed.catalog())) {
            List<ServicePlanInfo> plans = d.servicePlans().stream()
                    .map(p -> new ServicePlanInfo(
                            p.plan().appliesTo().name(),
                            p.status().name(),
                            p.plan().id().value(),
                            p.plan().name()))
                    .toList();
            details.add(new LicenseDetails(
                    user.id() + "_" + d.product().skuId(),
                    plans,
                    d.product().skuId().value(),
                    d.product().skuPartNumber()));
        }
        return details;
    }

    public List<org.allot.api.graph.Group> groups(TenantId tenant, Collection<Group> groups, ODataQuery query) {
        boolean licenses = query != null
                && query.select() != null
                && (query.select().contains("assignedLicenses")
                        || query.select().contains("licenseProcessingState")
                        || query.select().contains("licensePriority"));
        Map<org.allot.core.directory.GroupId, List<GroupLicense>> assigned = licenses
                ? groupLicenses.ofGroups(tenant, groups.stream().map(Group::id).toList())
                : Map.of();
        List<org.allot.api.graph.Group> result = new ArrayList<>();
        for (Group g : groups) {
            result.add(group(
                    g,
                    licenses ? assigned.getOrDefault(g.id(), List.of()) : null,
                    licenses ? groupLicenses.state(tenant, g.id()).name() : null,
                    licenses ? groupLicenses.priority(tenant, g.id()) : null));
        }
        return result;
    }

    public org.allot.api.graph.Group group(TenantId tenant, Group g) {
        return group(
                g,
                groupLicenses.of(tenant, g.id()),
                groupLicenses.state(tenant, g.id()).name(),
                groupLicenses.priority(tenant, g.id()));
    }

    private static org.allot.api.graph.Group group(
            Group g, List<GroupLicense> licenses, String state, Integer priority) {
        return new org.allot.api.graph.Group(
                "#microsoft.graph.group",
                g.id().toString(),
                licenses == null
                        ? null
                        : licenses.stream().map(l -> assigned(l.license())).toList(),
                time(g.createdDateTime()),
                g.description(),
                g.displayName(),
                g.groupTypes().stream().sorted().toList(),
                state == null ? null : new LicenseProcessingState(state),
                g.mailEnabled(),
                g.mailNickname(),
                g.membershipRule(),
                g.membershipRuleProcessingState(),
                g.onPremisesImmutableId(),
                g.onPremisesSyncEnabled(),
                g.securityEnabled(),
                priority);
    }

    private static org.allot.api.graph.User user(
            User u, UserLicenses licenses, Catalog products, Map<SkuId, SeatCount> counts) {
        return new org.allot.api.graph.User(
                "#microsoft.graph.user",
                u.id().toString(),
                u.accountEnabled(),
                licenses == null
                        ? null
                        : licenses.assignedLicenses().stream()
                                .map(GraphViews::assigned)
                                .toList(),
                licenses == null ? null : plans(licenses, products, counts),
                List.of(),
                u.city(),
                u.companyName(),
                u.country(),
                time(u.createdDateTime()),
                time(u.deletedDateTime()),
                u.department(),
                u.displayName(),
                u.employeeId(),
                u.givenName(),
                u.jobTitle(),
                licenses == null ? null : states(licenses),
                u.mail(),
                u.mailNickname(),
                null,
                null,
                u.onPremisesImmutableId(),
                u.onPremisesSamAccountName(),
                u.onPremisesSyncEnabled() ? Boolean.TRUE : null,
                null,
                u.surname(),
                u.usageLocation() == null ? null : u.usageLocation().code(),
                u.userPrincipalName(),
                u.userType().name());
    }

    static org.allot.api.graph.AssignedLicense assigned(AssignedLicense l) {
        return new org.allot.api.graph.AssignedLicense(
                l.disabledPlans().stream().map(p -> p.value()).sorted().toList(),
                l.skuId().value());
    }

    private static List<LicenseAssignmentState> states(UserLicenses licenses) {
        return licenses.assignments().stream()
                .map(a -> new LicenseAssignmentState(
                        a.source().isDirect() ? null : a.source().groupOrNull().toString(),
                        a.disabledPlans().stream()
                                .map(p -> p.value().toString())
                                .sorted()
                                .toList(),
                        a.error() == null ? "None" : a.error().name(),
                        time(a.updatedAt()),
                        a.sku().toString(),
                        a.state().name(),
                        a.reason(),
                        time(a.requestedAt())))
                .toList();
    }

    private static List<AssignedPlan> plans(UserLicenses licenses, Catalog products, Map<SkuId, SeatCount> counts) {
        Map<SkuId, Instant> since = new HashMap<>();
        for (LicenseAssignment a : licenses.assignments()) {
            if (a.holdsSeat()) {
                since.merge(a.sku(), a.requestedAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        List<AssignedPlan> plans = new ArrayList<>();
        for (UserLicenses.LicenseDetail detail : licenses.details(products)) {
            SeatCount count = counts.getOrDefault(detail.product().skuId(), SeatCount.EMPTY);
            String status = count.prepaid().capabilityStatus().name();
            for (UserLicenses.PlanStatus p : detail.servicePlans()) {
                if (p.status() == UserLicenses.ProvisioningStatus.Success) {
                    plans.add(new AssignedPlan(
                            time(since.get(detail.product().skuId())),
                            status,
                            p.plan().name(),
                            p.plan().id().value()));
                }
            }
        }
        return plans;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static UUID id(String value) {
        return RequestBodies.uuid(value).orElse(null);
    }
}
