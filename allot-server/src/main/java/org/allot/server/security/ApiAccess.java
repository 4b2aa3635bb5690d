package org.allot.server.security;

import static org.allot.server.security.Role.GLOBAL_ADMINISTRATOR;
import static org.allot.server.security.Role.GROUPS_ADMINISTRATOR;
import static org.allot.server.security.Role.LICENSE_ADMINISTRATOR;
import static org.allot.server.security.Role.USER_ADMINISTRATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Who may call what, in one table, as Entra's built-in roles allow it: every role reads; a License Administrator
 * assigns licenses and sets usage locations; a User Administrator manages users, groups and licenses; a Groups
 * Administrator manages groups, their members and their licenses; subscriptions, products, tenant settings and
 * app registrations are for Global Administrators.
 */
public final class ApiAccess {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> USERS = EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR);
    private static final Set<Role> USER_LICENSES =
            EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR);
    private static final Set<Role> GROUPS = EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, GROUPS_ADMINISTRATOR);
    private static final Set<Role> GROUP_LICENSES =
            EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, GROUPS_ADMINISTRATOR, LICENSE_ADMINISTRATOR);
    private static final Set<Role> GLOBAL = EnumSet.of(GLOBAL_ADMINISTRATOR);

    /** One rule: requests with this method and path pattern are for these roles. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {}

    /** First match wins; a request no rule matches is refused. */
    public static final List<Rule> RULES = List.of(
            // licenses of users: assign, reprocess; usage location is the License Administrator's part of a user
            rule(HttpMethod.POST, "/v1.0/users/*/assignLicense", USER_LICENSES),
            rule(HttpMethod.POST, "/v1.0/users/*/reprocessLicenseAssignment", USER_LICENSES),
            // users (PATCH of usageLocation alone is also open to License Administrators: checked in the controller)
            rule(HttpMethod.POST, "/v1.0/users", USERS),
            rule(HttpMethod.PATCH, "/v1.0/users/*", USER_LICENSES),
            rule(HttpMethod.DELETE, "/v1.0/users/*", USERS),
            rule(HttpMethod.POST, "/v1.0/directory/deletedItems/*/restore", USERS),
            rule(HttpMethod.DELETE, "/v1.0/directory/deletedItems/*", USERS),
            // groups, their members and their licenses
            rule(HttpMethod.POST, "/v1.0/groups/*/assignLicense", GROUP_LICENSES),
            rule(HttpMethod.POST, "/v1.0/groups/*/members/$ref", GROUPS),
            rule(HttpMethod.DELETE, "/v1.0/groups/*/members/*/$ref", GROUPS),
            rule(HttpMethod.POST, "/v1.0/groups", GROUPS),
            rule(HttpMethod.PATCH, "/v1.0/groups/*", GROUPS),
            rule(HttpMethod.DELETE, "/v1.0/groups/*", GROUPS),
            // Allot's extensions
            rule(HttpMethod.POST, "/allot/v1/groups/*/seatImpact", GROUP_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/groups/*/reprocessLicenseAssignment", GROUP_LICENSES),
            rule(HttpMethod.PATCH, "/allot/v1/groups/*/licensing", GROUP_LICENSES),
            rule(HttpMethod.POST, "/allot/v1/subscriptions", GLOBAL),
            rule(HttpMethod.PATCH, "/allot/v1/subscriptions/*", GLOBAL),
            rule(HttpMethod.POST, "/allot/v1/products", GLOBAL),
            rule(HttpMethod.DELETE, "/allot/v1/products/*", GLOBAL),
            rule(HttpMethod.POST, "/allot/v1/planRules", GLOBAL),
            rule(HttpMethod.DELETE, "/allot/v1/planRules/*", GLOBAL),
            rule(HttpMethod.PATCH, "/allot/v1/settings", GLOBAL),
            rule(HttpMethod.GET, "/allot/v1/appRegistrations/**", GLOBAL),
            rule(HttpMethod.GET, "/allot/v1/appRegistrations", GLOBAL),
            rule(HttpMethod.POST, "/allot/v1/appRegistrations/**", GLOBAL),
            rule(HttpMethod.POST, "/allot/v1/appRegistrations", GLOBAL),
            rule(HttpMethod.DELETE, "/allot/v1/appRegistrations/*", GLOBAL),
            // reading is for everyone
            rule(HttpMethod.GET, "/v1.0/**", EVERYONE),
            rule(HttpMethod.GET, "/allot/v1/**", EVERYONE));

    private ApiAccess() {}

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, roles);
    }

    /** Applies the table to the API's security filter chain; anything not in it is denied. */
    public static void apply(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> {
            for (Rule rule : RULES) {
                requests.requestMatchers(rule.method(), rule.pattern())
                        .hasAnyAuthority(
                                rule.roles().stream().map(Role::authority).toArray(String[]::new));
            }
            requests.anyRequest().denyAll();
        });
    }

    /** Whether the role may change users' attributes other than their usage location. */
    public static boolean mayEditUsers(Set<Role> roles) {
        return roles.stream().anyMatch(USERS::contains);
    }
}
