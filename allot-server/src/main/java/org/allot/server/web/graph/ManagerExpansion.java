package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code $expand=manager} on users: each user's manager as an object of its own ({@code manager}, absent when
 * the user has none), with its default properties. The other relationships are {@link Expansion}'s.
 */
final class ManagerExpansion {
    private ManagerExpansion() {}

    /** Whether the request expands {@code manager} (in any case). */
    static boolean requested(HttpServletRequest request) {
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals("$expand")) {
                String value = e.getValue()[0].strip();
                if (value.toLowerCase(Locale.ROOT).startsWith("manager(")) {
                    throw new BadRequest(
                            "Invalid $expand: options inside the parentheses of manager are not supported.");
                }
                return value.equalsIgnoreCase("manager");
            }
        }
        return false;
    }

    /**
     * Adds each user's manager to the body (a page's {@code value} or one user), whose users are {@code ids}; a
     * manager outside the caller's administrative units is left out, as every user outside them is.
     */
    static void apply(
            UserManagers managers,
            ScopedDirectory scoped,
            Caller caller,
            Responses responses,
            ObjectNode body,
            List<UUID> ids) {
        Map<UserId, User> found = managers.managersOf(
                caller.tenant(), ids.stream().map(UserId::new).toList());
        Set<UUID> shown = Set.copyOf(scoped.within(
                caller, found.values().stream().map(m -> m.id().value()).toList()));
        List<JsonNode> objects = body.has("value") && body.get("value").isArray()
                ? body.get("value").valueStream().toList()
                : List.of(body);
        for (int i = 0; i < ids.size(); i++) {
            User manager = found.get(new UserId(ids.get(i)));
            if (manager != null && shown.contains(manager.id().value())) {
                List<Object> values = new ArrayList<>();
                values.add(UserResources.user(LicensedUser.withoutLicenses(manager)));
                List<Set<String>> defaults = List.of(UserResources.USER_DEFAULT);
                ((ObjectNode) objects.get(i))
                        .set("manager", responses.typed(values, defaults).get(0));
            }
        }
    }
}
