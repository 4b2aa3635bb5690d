package org.allot.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.allot.server.security.store.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what, in one table, as Entra's built-in roles allow it: every role reads; a License Administrator
 * assigns licenses and sets usage locations; a User Administrator manages users, groups and licenses; a Groups
 * Administrator manages groups, their members and their licenses; subscriptions, products, tenant settings, app
 * registrations, the token-signing keys, the tenant's domains and directory sync are for Global Administrators (Entra's Hybrid Identity
 * Administrator has no counterpart here). License checks (dry runs and repairs) are started by Global and License Administrators.
 */
public final class ApiAccess {
    /**
     * One rule: requests with this method and path pattern need this capability; with {@code withinUnits}, a role
     * held over administrative units that grants the capability is enough too (the core then narrows the request to
     * the units: docs/delegation.md). Every other endpoint is closed to roles held over units.
     */
    public record Rule(HttpMethod method, String pattern, Capability capability, boolean withinUnits) {}

    /**
     * First match wins; a request no rule matches is refused, unless it names no endpoint at all: then it is let
     * through to be answered 404 with Graph's body (an unknown path is not a forbidden one), or 405 when its path is
     * known but not with its method.
     */
    public static final List<Rule> RULES = List.of(
            // JSON batching: each request of the batch is authorised on its own, as if it had been sent alone
            unitRule(HttpMethod.POST, "/v1.0/$batch", Capability.READ),
            // directory objects: reading by ids and asking for memberships change nothing
            unitRule(HttpMethod.POST, "/v1.0/directoryObjects/getByIds", Capability.READ),
            rule(HttpMethod.POST, "/v1.0/*/*/getMemberGroups", Capability.READ),
            rule(HttpMethod.POST, "/v1.0/*/*/getMemberObjects", Capability.READ),
            rule(HttpMethod.POST, "/v1.0/*/*/checkMemberGroups", Capability.READ),
            rule(HttpMethod.POST, "/v1.0/*/*/checkMemberObjects", Capability.READ),
            // /me: every app is told, as Graph tells app-only tokens, that /me needs a signed-in user
            rule(HttpMethod.POST, "/v1.0/me/**", Capability.READ),
            // licenses of users: assign, reprocess; usage location is the License Administrator's part of a user
            unitRule(HttpMethod.POST, "/v1.0/users/*/assignLicense", Capability.ASSIGN_USER_LICENSES),
            unitRule(HttpMethod.POST, "/v1.0/users/*/reprocessLicenseAssignment", Capability.ASSIGN_USER_LICENSES),
            // users (PATCH of usageLocation alone is also open to License Administrators: checked in the controller)
            rule(HttpMethod.POST, "/v1.0/users", Capability.MANAGE_USERS),
            unitRule(HttpMethod.PATCH, "/v1.0/users/*", Capability.SET_USAGE_LOCATION),
            unitRule(HttpMethod.DELETE, "/v1.0/users/*", Capability.MANAGE_USERS),
            rule(HttpMethod.PUT, "/v1.0/users/*/manager/$ref", Capability.MANAGE_USERS),
            rule(HttpMethod.DELETE, "/v1.0/users/*/manager/$ref", Capability.MANAGE_USERS),
            rule(HttpMethod.POST, "/v1.0/directory/deletedItems/*/restore", Capability.MANAGE_USERS),
            rule(HttpMethod.DELETE, "/v1.0/directory/deletedItems/*", Capability.MANAGE_USERS),
            // groups, their members and their licenses
            unitRule(HttpMethod.POST, "/v1.0/groups/*/assignLicense", Capability.ASSIGN_GROUP_LICENSES),
            unitRule(HttpMethod.POST, "/v1.0/groups/*/members/$ref", Capability.MANAGE_GROUPS),
            unitRule(HttpMethod.DELETE, "/v1.0/groups/*/members/*/$ref", Capability.MANAGE_GROUPS),
            rule(HttpMethod.POST, "/v1.0/groups", Capability.MANAGE_GROUPS),
            unitRule(HttpMethod.PATCH, "/v1.0/groups/*", Capability.MANAGE_GROUPS),
            unitRule(HttpMethod.DELETE, "/v1.0/groups/*", Capability.MANAGE_GROUPS),
            // the tenant's domains: Global Administrators (Entra's Domain Name Administrator has no counterpart here)
            rule(HttpMethod.POST, "/v1.0/domains", Capability.MANAGE_DOMAINS),
            rule(HttpMethod.POST, "/v1.0/domains/*/verify", Capability.MANAGE_DOMAINS),
            rule(HttpMethod.POST, "/v1.0/domains/*/forceDelete", Capability.MANAGE_DOMAINS),
            rule(HttpMethod.PATCH, "/v1.0/domains/*", Capability.MANAGE_DOMAINS),
            rule(HttpMethod.DELETE, "/v1.0/domains/*", Capability.MANAGE_DOMAINS),
            // change notifications: whoever may read a resource may subscribe to its changes (as in Graph)
            rule(HttpMethod.POST, "/v1.0/subscriptions", Capability.READ),
            rule(HttpMethod.POST, "/v1.0/subscriptions/*/reauthorize", Capability.READ),
            rule(HttpMethod.PATCH, "/v1.0/subscriptions/*", Capability.READ),
            rule(HttpMethod.DELETE, "/v1.0/subscriptions/*", Capability.READ),
            // Allot's extensions
            // validate-only bulk requests: what the real requests need (creating or editing users: checked in the
            // controller, as for PATCH of a user); a unit's roles too, each row decided by the core as the real
            // request would be (a user outside the units refused with 403, whether it exists or not)
            unitRule(HttpMethod.POST, "/allot/v1/users/validate", Capability.SET_USAGE_LOCATION),
            unitRule(HttpMethod.POST, "/allot/v1/licenseChanges/validate", Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/groups/*/seatImpact", Capability.ASSIGN_GROUP_LICENSES),
            // previews change nothing: whoever reads the directory may run them
            rule(HttpMethod.POST, "/allot/v1/groups/membershipRulePreview", Capability.READ),
            rule(HttpMethod.POST, "/allot/v1/groups/*/membershipRulePreview", Capability.READ),
            rule(HttpMethod.POST, "/allot/v1/groups/*/recomputeMembership", Capability.MANAGE_GROUPS),
            rule(HttpMethod.POST, "/allot/v1/groups/*/reprocessLicenseAssignment", Capability.ASSIGN_GROUP_LICENSES),
            rule(HttpMethod.PATCH, "/allot/v1/groups/*/licensing", Capability.ASSIGN_GROUP_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/subscriptions", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.PATCH, "/allot/v1/subscriptions/*", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.PATCH, "/allot/v1/subscribedSkus/*/removalGrace", Capability.MANAGE_SUBSCRIPTIONS),
            // undoing a pending removal is a direct assignment: a unit's roles for their units' users
            unitRule(HttpMethod.POST, "/allot/v1/users/*/pendingRemovals/*/cancel", Capability.ASSIGN_USER_LICENSES),
            // time-bound grants: a user's direct licenses are the License Administrator's, a group's members the
            // Groups Administrator's, unit administrators' for their units' users and groups (docs/delegation.md)
            unitRule(HttpMethod.POST, "/allot/v1/users/*/timedLicenses", Capability.ASSIGN_USER_LICENSES),
            unitRule(HttpMethod.PATCH, "/allot/v1/users/*/timedLicenses/*", Capability.ASSIGN_USER_LICENSES),
            unitRule(HttpMethod.DELETE, "/allot/v1/users/*/timedLicenses/*", Capability.ASSIGN_USER_LICENSES),
            unitRule(HttpMethod.POST, "/allot/v1/groups/*/timedMembers", Capability.MANAGE_GROUPS),
            unitRule(HttpMethod.PATCH, "/allot/v1/groups/*/timedMembers/*", Capability.MANAGE_GROUPS),
            unitRule(HttpMethod.DELETE, "/allot/v1/groups/*/timedMembers/*", Capability.MANAGE_GROUPS),
            rule(HttpMethod.POST, "/allot/v1/products", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.DELETE, "/allot/v1/products/*", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.POST, "/allot/v1/planRules", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.DELETE, "/allot/v1/planRules/*", Capability.MANAGE_SUBSCRIPTIONS),
            rule(HttpMethod.PATCH, "/allot/v1/settings", Capability.MANAGE_SETTINGS),
            rule(HttpMethod.PATCH, "/allot/v1/settings/lifecycle", Capability.MANAGE_SETTINGS),
            rule(HttpMethod.PATCH, "/allot/v1/settings/alerts", Capability.MANAGE_SETTINGS),
            rule(HttpMethod.PATCH, "/allot/v1/settings/groupOnly", Capability.MANAGE_SETTINGS),
            rule(HttpMethod.PATCH, "/allot/v1/subscribedSkus/*/groupOnly", Capability.MANAGE_SETTINGS),
            // allotments: tenant-wide License and Global Administrators change them; a unit's roles read their pools
            rule(HttpMethod.POST, "/allot/v1/subscribedSkus/*/allotments", Capability.MANAGE_ALLOTMENTS),
            rule(HttpMethod.PATCH, "/allot/v1/allotments/*", Capability.MANAGE_ALLOTMENTS),
            rule(HttpMethod.DELETE, "/allot/v1/allotments/*", Capability.MANAGE_ALLOTMENTS),
            rule(HttpMethod.PUT, "/allot/v1/groups/*/licenseAllotments/*", Capability.MANAGE_ALLOTMENTS),
            unitRule(HttpMethod.GET, "/allot/v1/subscribedSkus/*/allotments", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/allotments/*", Capability.READ),
            rule(
                    HttpMethod.POST,
                    "/allot/v1/subscribedSkus/*/migrateToGroups/preview",
                    Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/subscribedSkus/*/migrateToGroups", Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.PATCH, "/allot/v1/settings/licenseRequests", Capability.MANAGE_SETTINGS),
            // license requests: any role that may change something files one and cancels its own (not a Global Reader);
            // deciding is for those who may
            // assign licenses (core's Approver decides whose scope covers the user)
            unitRule(HttpMethod.POST, "/allot/v1/licenseRequests", Capability.FILE_LICENSE_REQUESTS),
            unitRule(HttpMethod.POST, "/allot/v1/licenseRequests/*/cancel", Capability.FILE_LICENSE_REQUESTS),
            unitRule(HttpMethod.POST, "/allot/v1/licenseRequests/*/approve", Capability.ASSIGN_USER_LICENSES),
            unitRule(HttpMethod.POST, "/allot/v1/licenseRequests/*/deny", Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.GET, "/allot/v1/appRegistrations/**", Capability.MANAGE_APPS),
            rule(HttpMethod.GET, "/allot/v1/appRegistrations", Capability.MANAGE_APPS),
            rule(HttpMethod.POST, "/allot/v1/appRegistrations/**", Capability.MANAGE_APPS),
            rule(HttpMethod.POST, "/allot/v1/appRegistrations", Capability.MANAGE_APPS),
            rule(HttpMethod.PATCH, "/allot/v1/appRegistrations/*", Capability.MANAGE_APPS),
            rule(HttpMethod.DELETE, "/allot/v1/appRegistrations/*", Capability.MANAGE_APPS),
            rule(HttpMethod.DELETE, "/allot/v1/appRegistrations/*/certificates/*", Capability.MANAGE_APPS),
            // the installation's token-signing keys: Global Administrators (of any tenant) see and replace them
            rule(HttpMethod.GET, "/allot/v1/signingKeys", Capability.MANAGE_APPS),
            rule(HttpMethod.POST, "/allot/v1/signingKeys", Capability.MANAGE_APPS),
            rule(HttpMethod.POST, "/allot/v1/reconciliation", Capability.CHECK_LICENSES),
            rule(HttpMethod.PUT, "/allot/v1/directorySync/**", Capability.MANAGE_DIRECTORY_SYNC),
            rule(HttpMethod.POST, "/allot/v1/directorySync/**", Capability.MANAGE_DIRECTORY_SYNC),
            // reclaim of unused licenses: users' sign-ins are the User Administrator's, reclaim the License
            // Administrator's
            rule(HttpMethod.PUT, "/allot/v1/users/*/signInActivity", Capability.MANAGE_USERS),
            rule(HttpMethod.POST, "/allot/v1/signInActivity/import", Capability.MANAGE_USERS),
            rule(HttpMethod.PUT, "/allot/v1/reclaim/policies/*", Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.DELETE, "/allot/v1/reclaim/policies/*", Capability.ASSIGN_USER_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/reclaim/runs", Capability.ASSIGN_USER_LICENSES),
            // administrative units: Global Administrators manage them and who holds roles over them
            rule(HttpMethod.POST, "/v1.0/directory/administrativeUnits/**", Capability.MANAGE_ADMINISTRATORS),
            rule(HttpMethod.POST, "/v1.0/directory/administrativeUnits", Capability.MANAGE_ADMINISTRATORS),
            rule(HttpMethod.PATCH, "/v1.0/directory/administrativeUnits/*", Capability.MANAGE_ADMINISTRATORS),
            rule(HttpMethod.DELETE, "/v1.0/directory/administrativeUnits/**", Capability.MANAGE_ADMINISTRATORS),
            // what a role held over administrative units may read (the core narrows each to the units): their
            // users and groups, a group's direct members, the products' seat totals, the audit records of their
            // objects, and their units (delta queries, which would list every change, are for tenant-wide roles)
            rule(HttpMethod.GET, "/v1.0/users/delta", Capability.READ),
            rule(HttpMethod.GET, "/v1.0/groups/delta", Capability.READ),
            rule(HttpMethod.GET, "/v1.0/users/delta()", Capability.READ),
            rule(HttpMethod.GET, "/v1.0/groups/delta()", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/users", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/users/*", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/users/*/licenseDetails", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/users/*/memberOf/**", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/users/*/transitiveMemberOf/**", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/groups/*/memberOf/**", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/groups/*/transitiveMemberOf/**", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/groups", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/groups/*", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/groups/*/members", Capability.READ),
            // the tenant's own record (name, domains), which Graph lets every member of the directory read: what the
            // CLI's login and whoami show
            unitRule(HttpMethod.GET, "/v1.0/organization", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/organization/*", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/subscribedSkus", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/subscribedSkus/*", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/auditLogs/directoryAudits", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/directory/administrativeUnits", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/directory/administrativeUnits/**", Capability.READ),
            // directory objects by id (those outside the units are not found), license requests of the units'
            // users (the core narrows lists and refuses the others), time-bound grants of their users and groups
            unitRule(HttpMethod.GET, "/v1.0/directoryObjects/*", Capability.READ),
            unitRule(HttpMethod.GET, "/v1.0/directoryObjects/*/*", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/licenseRequests", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/licenseRequests/*", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/users/*/timedLicenses", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/users/*/pendingRemovals", Capability.READ),
            // reports: who holds what and the costs narrowed to the units' users by the core; the usage history is
            // SKU totals, read-only, as /subscribedSkus
            unitRule(HttpMethod.GET, "/allot/v1/reports/licenseHolders", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/reports/licenseHolders.csv", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/reports/costs", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/reports/costs.csv", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/reports/usage", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/reports/usage.csv", Capability.READ),
            unitRule(HttpMethod.GET, "/allot/v1/groups/*/timedMembers", Capability.READ),
            // reading is for everyone
            rule(HttpMethod.GET, "/v1.0/**", Capability.READ),
            rule(HttpMethod.GET, "/allot/v1/**", Capability.READ));

    /** Why an endpoint that stays closed to roles held over units is the tenant's, told in the 403's message. */
    public record TenantWide(HttpMethod method, String pattern, String reason) {}

    private static final String DELTA = "Delta queries are for roles over the whole tenant: the directory's change log"
            + " does not record when a user or group joins or leaves an administrative unit, so a delta narrowed to"
            + " units would miss objects that join them and keep those that leave. List /users and /groups (narrowed"
            + " to your units) instead.";

    private static final String MIGRATION = "Moving direct licenses to group licensing is for roles over the whole"
            + " tenant: a run covers every direct holder of the product and may add them to a group, whichever"
            + " administrative units they are in.";

    /** The endpoints closed to roles held over units whose refusal says why (docs/delegation.md). */
    public static final List<TenantWide> TENANT_WIDE = List.of(
            new TenantWide(HttpMethod.GET, "/v1.0/users/delta", DELTA),
            new TenantWide(HttpMethod.GET, "/v1.0/users/delta()", DELTA),
            new TenantWide(HttpMethod.GET, "/v1.0/groups/delta", DELTA),
            new TenantWide(HttpMethod.GET, "/v1.0/groups/delta()", DELTA),
            new TenantWide(HttpMethod.POST, "/allot/v1/subscribedSkus/*/migrateToGroups/preview", MIGRATION),
            new TenantWide(HttpMethod.POST, "/allot/v1/subscribedSkus/*/migrateToGroups", MIGRATION),
            new TenantWide(HttpMethod.GET, "/allot/v1/licenseMigrations", MIGRATION),
            new TenantWide(HttpMethod.GET, "/allot/v1/licenseMigrations/*", MIGRATION));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiAccess() {}

    /** Why the request, refused to a role held over units, is for tenant-wide roles only; empty when not told. */
    public static Optional<String> whyTenantWide(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return TENANT_WIDE.stream()
                .filter(t -> t.method().matches(request.getMethod()) && PATHS.match(t.pattern(), path))
                .map(TenantWide::reason)
                .findFirst();
    }

    private static Rule rule(HttpMethod method, String pattern, Capability capability) {
        return new Rule(method, pattern, capability, false);
    }

    private static Rule unitRule(HttpMethod method, String pattern, Capability capability) {
        return new Rule(method, pattern, capability, true);
    }

    /** The authorities a rule lets through: the tenant-wide roles, and (within units) the roles held over units. */
    public static String[] authorities(Rule rule) {
        List<String> authorities = new java.util.ArrayList<>();
        for (Role role : rule.capability().roles()) {
            authorities.add(role.authority());
            if (rule.withinUnits() && role.unitScopable()) {
                authorities.add(role.unitAuthority());
            }
        }
        return authorities.toArray(String[]::new);
    }

    /**
     * Applies the table to the API's security filter chain: anything not in it is denied if it names an endpoint
     * ({@code offered}), and left to answer 404 (to authenticated callers) otherwise.
     */
    public static void apply(HttpSecurity http, Predicate<HttpServletRequest> offered) {
        http.authorizeHttpRequests(requests -> {
            for (Rule rule : RULES) {
                requests.requestMatchers(rule.method(), rule.pattern()).hasAnyAuthority(authorities(rule));
            }
            requests.anyRequest()
                    .access((authentication, context) -> new AuthorizationDecision(
                            authenticated(authentication.get()) && !offered.test(context.getRequest())));
        });
    }

    private static boolean authenticated(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether the roles may change groups' members. */
    public static boolean mayManageGroups(Set<Role> roles) {
        return roles.stream().anyMatch(r -> Capability.of(r).contains(Capability.MANAGE_GROUPS));
    }

    /** Whether the roles grant the break-glass permission to override the group-only policy. */
    public static boolean mayOverrideGroupOnly(Set<Role> roles) {
        return roles.stream().anyMatch(r -> Capability.of(r).contains(Capability.OVERRIDE_GROUP_ONLY));
    }

    /** Whether the roles may change users' attributes other than their usage location. */
    public static boolean mayEditUsers(Set<Role> roles) {
        return roles.stream().anyMatch(r -> Capability.of(r).contains(Capability.MANAGE_USERS));
    }
}
