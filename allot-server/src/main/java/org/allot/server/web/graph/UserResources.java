package org.allot.server.web.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.api.graph.AssignedPlan;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.LicenseDetails;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.SignInActivity;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.UserLicenses;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ServiceFamily;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.CloudSecurityIdentifiers;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.UserActivity;
import org.allot.core.subscription.SeatCount;

/** Graph's user resource, with what licensing adds to it (and the user's licenseDetails), from what core read. */
public final class UserResources {
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
    public static final Set<String> USER_PROPERTIES =
            Collections.unmodifiableSet(new LinkedHashSet<>(org.allot.api.graph.UserResource.PROPERTIES.stream()
                    .filter(p -> !p.equals(UserResources.SIGN_IN_ACTIVITY))
                    .toList()));
    /**
     * What {@code /v1.0/users} and {@code /v1.0/users/{id}} may select: every property, and {@code signInActivity}
     * (read only when selected, as Graph returns it).
     */
    public static final Set<String> USER_PROPERTIES_WITH_ACTIVITY = withActivity();

    private static final String SIGN_IN_ACTIVITY = "signInActivity";
    private static final Set<String> LICENSE_PROPERTIES =
            Set.of("assignedLicenses", "assignedPlans", "licenseAssignmentStates");

    private static Set<String> ordered(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    private UserResources() {}

    private static Set<String> withActivity() {
        Set<String> properties = new LinkedHashSet<>(USER_PROPERTIES);
        properties.add(SIGN_IN_ACTIVITY);
        return Collections.unmodifiableSet(properties);
    }

    /** Whether the request selects {@code signInActivity}, so the users are answered with their activity. */
    static boolean activitySelected(ODataQuery query) {
        return query != null && query.select() != null && query.select().contains(SIGN_IN_ACTIVITY);
    }

    /** The users, each with its {@code signInActivity} when known (null otherwise). */
    static List<org.allot.api.graph.UserResource> users(
            List<LicensedUser> users, Map<UserId, UserActivity> activities) {
        return users.stream().map(u -> user(u, activities.get(u.user().id()))).toList();
    }

    /** A user with its {@code signInActivity}: Graph's shape of the sign-in set through {@code /allot/v1}. */
    static org.allot.api.graph.UserResource user(LicensedUser user, UserActivity activity) {
        SignInActivity signIn = null;
        if (activity != null && activity.lastSignInDateTime() != null) {
            OffsetDateTime at = GraphValues.time(activity.lastSignInDateTime());
            signIn = new SignInActivity(null, null, at, null, at, null);
        }
        return user(user.user(), user.licenses(), user.catalog(), user.seats(), signIn);
    }

    /** Whether the request selects a property only licensing knows, so the users are read with their licenses. */
    static boolean licensesSelected(ODataQuery query) {
        return query != null
                && query.select() != null
                && query.select().stream().anyMatch(LICENSE_PROPERTIES::contains);
    }

    /** The default properties and those licensing adds: how an answer about a user's licenses shows the user. */
    static Set<String> withLicenses() {
        Set<String> properties = new LinkedHashSet<>(USER_DEFAULT);
        properties.addAll(List.of("assignedLicenses", "assignedPlans", "usageLocation"));
        return properties;
    }

    public static List<org.allot.api.graph.UserResource> users(List<LicensedUser> users) {
        return users.stream().map(UserResources::user).toList();
    }

    /** A user as Graph shows them, with their licenses when they were read. */
    public static org.allot.api.graph.UserResource user(LicensedUser user) {
        return user(user.user(), user.licenses(), user.catalog(), user.seats(), null);
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

    private static org.allot.api.graph.UserResource user(
            User u, UserLicenses licenses, Catalog products, Map<SkuId, SeatCount> counts, SignInActivity signIn) {
        return new org.allot.api.graph.UserResource(
                "#microsoft.graph.user",
                u.id().toString(),
                u.accountEnabled(),
                licenses == null
                        ? null
                        : licenses.assignedLicenses().stream()
                                .map(GraphValues::assigned)
                                .toList(),
                licenses == null ? null : plans(licenses, products, counts),
                List.of(),
                u.city(),
                u.companyName(),
                u.country(),
                GraphValues.time(u.createdDateTime()),
                GraphValues.time(u.deletedDateTime()),
                u.department(),
                u.displayName(),
                u.employeeId(),
                u.givenName(),
                u.jobTitle(),
                licenses == null ? null : states(licenses, counts),
                u.mail(),
                u.mailNickname(),
                null,
                null,
                u.onPremises().distinguishedName(),
                u.onPremises().domainName(),
                extensions(u),
                u.onPremisesImmutableId(),
                GraphValues.time(u.onPremises().lastSyncDateTime()),
                List.of(),
                u.onPremisesSamAccountName(),
                u.onPremises().securityIdentifier(),
                u.onPremisesSyncEnabled() ? Boolean.TRUE : null,
                u.onPremisesUserPrincipalName(),
                null,
                CloudSecurityIdentifiers.of(u.id().value()),
                signIn,
                u.surname(),
                u.usageLocation() == null ? null : u.usageLocation().code(),
                u.userPrincipalName(),
                u.userType().name());
    }

    private static org.allot.api.graph.OnPremisesExtensionAttributes extensions(User u) {
        List<String> v = u.extensionAttributes().values();
        return new org.allot.api.graph.OnPremisesExtensionAttributes(
                v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9),
                v.get(10), v.get(11), v.get(12), v.get(13), v.get(14));
    }

    /**
     * Each assignment's state; one that holds a seat of a product whose services are off ({@link
     * org.allot.core.subscription.LicenseUnits#servicesOn}: its subscriptions suspended) shows as {@code Disabled}
     * (when the figures were read with the user; without them, as stored).
     */
    private static List<LicenseAssignmentState> states(UserLicenses licenses, Map<SkuId, SeatCount> counts) {
        return licenses.assignments().stream()
                .map(a -> new LicenseAssignmentState(
                        a.source().isDirect() ? null : a.source().groupOrNull().toString(),
                        a.disabledPlans().stream()
                                .map(p -> p.value().toString())
                                .sorted()
                                .toList(),
                        a.error() == null ? "None" : a.error().name(),
                        GraphValues.time(a.updatedAt()),
                        a.sku().toString(),
                        a.holdsSeat()
                                        && counts.containsKey(a.sku())
                                        && !counts.get(a.sku()).prepaid().servicesOn()
                                ? "Disabled"
                                : a.state().name(),
                        a.reason(),
                        GraphValues.time(a.requestedAt())))
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
                            GraphValues.time(since.get(detail.product().skuId())),
                            status,
                            ServiceFamily.of(p.plan().name()),
                            p.plan().id().value()));
                }
            }
        }
        return plans;
    }
}
