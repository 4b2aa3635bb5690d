package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Api;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import tools.jackson.databind.JsonNode;

/**
 * The properties of a resource that a list's {@code --fields} may name besides the list's own columns: every property
 * the API answers for a user ({@code department}, {@code jobTitle}…) or a group ({@code mailNickname},
 * {@code membershipRule}…). Only those named are asked for ({@code $select}) and added as columns, so the list without
 * {@code --fields} is unchanged.
 *
 * @param resource what the properties are of, as an error names them ("user")
 * @param properties Graph's properties that the resource's collection may select, as the server lists them
 */
record ResourceFields(String resource, List<String> properties) {
    /** {@code allot user list}'s: the properties of {@code /v1.0/users}. */
    static final ResourceFields USERS = new ResourceFields("user", UserResource.PROPERTIES);
    /** {@code allot group list}'s: the properties of {@code /v1.0/groups}. */
    static final ResourceFields GROUPS = new ResourceFields("group", GroupResource.PROPERTIES);

    ResourceFields {
        properties = List.copyOf(properties);
    }

    /**
     * The properties among {@code fields} that are not among {@code columns}, spelt as Graph spells them; a field that
     * is neither is a usage error that names both.
     */
    List<String> beyond(List<String> fields, List<String> columns) {
        List<String> extra = new ArrayList<>();
        for (String field : fields) {
            String name = field.strip();
            if (columns.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            String property = properties.stream()
                    .filter(name::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow(() -> Failure.usage("--fields: there is no field '" + name + "'; there are "
                            + String.join(", ", columns) + ", and the " + resource + " properties "
                            + String.join(", ", properties) + "."));
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

    /** The table with one more column per property, read from each resource (its rows are theirs, in order). */
    static Table with(Table table, List<?> resources, List<String> properties) {
        if (properties.isEmpty()) {
            return table;
        }
        List<String> columns = new ArrayList<>(table.columns());
        columns.addAll(properties);
        Table wider = Table.of(columns.toArray(String[]::new));
        for (int r = 0; r < resources.size(); r++) {
            List<Object> row = new ArrayList<>(table.rows().get(r));
            JsonNode resource = Api.json().valueToTree(resources.get(r));
            properties.forEach(p -> row.add(value(resource.get(p))));
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
