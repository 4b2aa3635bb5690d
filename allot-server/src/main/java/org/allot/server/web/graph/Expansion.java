package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.Relationships;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.query.Entity;
import org.allot.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code $expand} on users and groups: one relationship ({@code memberOf}, {@code transitiveMemberOf}, and on
 * groups {@code members}), at most {@link #MAX_ITEMS} related objects each without a next link, optionally with
 * {@code $select} inside the parentheses. As in Graph, a page of expanded objects holds at most {@link #MAX_TOP}, and
 * {@code $expand} does not combine with the advanced {@code $count} and {@code $search}.
 */
record Expansion(String name, Relationships.Expanded relation, Set<String> select) {
    static final int MAX_ITEMS = 20;
    static final int MAX_TOP = 100;

    private static final Map<String, Relationships.Expanded> RELATIONS = Map.of(
            "members", Relationships.Expanded.MEMBERS,
            "memberof", Relationships.Expanded.MEMBER_OF,
            "transitivememberof", Relationships.Expanded.TRANSITIVE_MEMBER_OF);

    /** The {@code $expand} of a request on users or groups; null without one. */
    static Expansion of(HttpServletRequest request, Entity entity) {
        String value = null;
        boolean advanced = false;
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("$expand")) {
                value = e.getValue()[0];
            } else if (key.equals("$search")
                    || (key.equals("$count") && e.getValue()[0].strip().equalsIgnoreCase("true"))) {
                advanced = true;
            }
        }
        if (value == null) {
            return null;
        }
        if (advanced) {
            throw new BadRequest(
                    "Request_UnsupportedQuery",
                    "$expand is not supported with the advanced queries $count and $search.");
        }
        String text = value.strip();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).strip();
        if (name.contains(",") || (open >= 0 && text.indexOf(',', text.lastIndexOf(')')) >= 0)) {
            throw new BadRequest("Only one relationship can be expanded in a request on directory objects.");
        }
        Relationships.Expanded relation = RELATIONS.get(name.toLowerCase(Locale.ROOT));
        if (relation == null || (Entity.USER.equals(entity) && relation == Relationships.Expanded.MEMBERS)) {
            throw new BadRequest("Could not find a property named '" + name + "' on type '" + entity.typeName() + "'.");
        }
        Set<String> select = null;
        if (open >= 0) {
            if (!text.endsWith(")")) {
                throw new BadRequest("Invalid $expand: the options of '" + name + "' end with ')'.");
            }
            select = nestedSelect(text.substring(open + 1, text.length() - 1).strip(), relation);
        }
        String canonical = relation == Relationships.Expanded.MEMBERS
                ? "members"
                : relation == Relationships.Expanded.MEMBER_OF ? "memberOf" : "transitiveMemberOf";
        return new Expansion(canonical, relation, select);
    }

    /** The query of the page the expansion applies to: at most {@link #MAX_TOP} objects, as in Graph. */
    static Query limit(Query query, Expansion expansion) {
        if (expansion == null || query.top() <= MAX_TOP) {
            return query;
        }
        return new Query(query.filter(), query.order(), MAX_TOP, query.after(), query.count());
    }

    /**
     * Adds the related objects to each object of a body (a page's {@code value} or one object), whose ids are
     * {@code ids} in order.
     */
    void apply(
            ScopedDirectory directory,
            Responses responses,
            Caller caller,
            boolean ofUsers,
            ObjectNode body,
            List<UUID> ids) {
        Map<UUID, List<DirectoryQueries.DirectoryObject>> related =
                directory.expand(caller, ids, ofUsers, relation, MAX_ITEMS);
        List<JsonNode> objects = body.has("value") && body.get("value").isArray()
                ? body.get("value").valueStream().toList()
                : List.of(body);
        for (int i = 0; i < ids.size(); i++) {
            List<Object> values = new ArrayList<>();
            List<Set<String>> defaults = new ArrayList<>();
            for (DirectoryQueries.DirectoryObject o : related.getOrDefault(ids.get(i), List.of())) {
                if (o instanceof DirectoryQueries.UserObject u) {
                    values.add(UserResources.user(LicensedUser.withoutLicenses(u.user())));
                    defaults.add(select == null ? UserResources.USER_DEFAULT : select);
                } else {
                    values.add(GroupResources.group(
                            LicensedGroup.withoutLicenses(((DirectoryQueries.GroupObject) o).group())));
                    defaults.add(select == null ? GroupResources.GROUP_DEFAULT : select);
                }
            }
            ((ObjectNode) objects.get(i)).set(name, responses.typed(values, defaults));
        }
    }

    private static Set<String> nestedSelect(String options, Relationships.Expanded relation) {
        if (options.isEmpty()) {
            return null;
        }
        int equals = options.indexOf('=');
        if (equals < 0 || !options.substring(0, equals).strip().equalsIgnoreCase("$select")) {
            throw new BadRequest("Invalid $expand: only $select is supported inside the parentheses of an expanded"
                    + " relationship on directory objects.");
        }
        Set<String> selectable = new LinkedHashSet<>(GroupResources.GROUP_PROPERTIES);
        if (relation == Relationships.Expanded.MEMBERS) {
            selectable.addAll(UserResources.USER_PROPERTIES);
        }
        Set<String> select = new LinkedHashSet<>();
        for (String part : options.substring(equals + 1).split(",")) {
            String name = part.strip();
            select.add(selectable.stream()
                    .filter(s -> s.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new BadRequest("Could not find a property named '" + name
                            + "' on type 'microsoft.graph.directoryObject'.")));
        }
        return select;
    }
}
