package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.graph.UserResource;
import org.allot.cli.Failure;
import org.allot.cli.api.Api;
import org.allot.cli.output.Table;
import tools.jackson.databind.JsonNode;

/**
 * The user properties that {@code allot user list --fields} may name besides the list's own columns: every property
 * the API answers for a user ({@code department}, {@code jobTitle}, {@code createdDateTime}…). Only those named are
 * asked for ({@code $select}) and added as columns, so the list without {@code --fields} is unchanged.
 */
final class UserFields {
    /** Graph's user properties that {@code /v1.0/users} may select, as the server lists them. */
    static final List<String> PROPERTIES = UserResource.PROPERTIES;

    private UserFields() {}

    /**
     * The properties among {@code fields} that are not among {@code columns}, spelt as Graph spells them; a field that
     * is neither is a usage error that names both.
     */
    static List<String> beyond(List<String> fields, List<String> columns) {
        List<String> extra = new ArrayList<>();
        for (String field : fields) {
            String name = field.strip();
            if (columns.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            String property = PROPERTIES.stream()
                    .filter(name::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow(() -> Failure.usage("--fields: there is no field '" + name + "'; there are "
                            + String.join(", ", columns) + ", and the user properties "
                            + String.join(", ", PROPERTIES) + "."));
            if (!extra.contains(property)) {
                extra.add(property);
            }
        }
        return extra;
    }

    /** {@code select} with the properties it does not name yet added. */
    static String select(String select, List<String> properties) {
        List<String> names = new ArrayList<>(List.of(select.split(",")));
        properties.stream().filter(p -> !names.contains(p)).forEach(names::add);
        return String.join(",", names);
    }

    /** The table with one more column per property, read from each user (its rows are the users', in order). */
    static Table with(Table table, List<UserResource> users, List<String> properties) {
        if (properties.isEmpty()) {
            return table;
        }
        List<String> columns = new ArrayList<>(table.columns());
        columns.addAll(properties);
        Table wider = Table.of(columns.toArray(String[]::new));
        for (int r = 0; r < users.size(); r++) {
            List<Object> row = new ArrayList<>(table.rows().get(r));
            JsonNode user = Api.json().valueToTree(users.get(r));
            properties.forEach(p -> row.add(value(user.get(p))));
            wider.add(row.toArray());
        }
        return wider;
    }

    /** A property's value as a cell: text, a number, a boolean, a list of text, or (an object) its JSON tree. */
    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray() && node.valueStream().allMatch(JsonNode::isString)) {
            return node.valueStream().map(JsonNode::asString).toList();
        }
        return node;
    }
}
