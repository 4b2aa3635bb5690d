package org.allot.cli.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.Query;
import tools.jackson.databind.JsonNode;

/**
 * Plans a users file against the directory: a row whose user does not exist creates it; one whose attributes differ
 * updates just those; one that matches changes nothing (so a second run changes nothing). Empty cells leave an
 * attribute as it is.
 */
public final class UserImport {
    public static final String UPN = "userPrincipalName";
    public static final CsvFile.Columns COLUMNS = new CsvFile.Columns(
            List.of(
                    UPN,
                    "displayName",
                    "givenName",
                    "surname",
                    "mail",
                    "mailNickname",
                    "department",
                    "jobTitle",
                    "companyName",
                    "city",
                    "country",
                    "employeeId",
                    "usageLocation",
                    "userType",
                    "accountEnabled"),
            Map.of("upn", UPN),
            List.of(UPN),
            // what 'allot user list -o csv' prints besides: read-only there, so a list imports as it is
            List.of("id", "synced", "licenses", "licenseErrors"));
    /** What to read of existing users to compare them. */
    public static final String SELECT = "id," + String.join(",", COLUMNS.names());

    private static final Set<String> ANY_CASE = Set.of(UPN, "usageLocation", "userType");
    private static final Pattern PRINCIPAL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LOCATION = Pattern.compile("^[A-Za-z]{2}$");

    private UserImport() {}

    /** One step per record, and one invalid step per problem of the file. */
    public static List<Step> plan(CsvFile file, Map<String, UserResource> existing) {
        List<Step> steps = new ArrayList<>();
        file.problems().forEach(p -> steps.add(Step.invalid(p.line(), List.of(""), p.message())));
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Record record : file.records()) {
            String upn = record.get(UPN) == null ? "" : record.get(UPN);
            List<String> key = List.of(upn);
            Integer earlier = seen.putIfAbsent(upn.toLowerCase(Locale.ROOT), record.line());
            String problem = earlier != null ? "the same user as line " + earlier : problem(record);
            if (problem != null) {
                steps.add(Step.invalid(record.line(), key, problem));
                continue;
            }
            Map<String, Object> values = values(record);
            UserResource user = existing.get(upn.toLowerCase(Locale.ROOT));
            steps.add(user == null ? create(record.line(), key, values) : update(record.line(), key, values, user));
        }
        steps.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return steps;
    }

    private static Step create(int line, List<String> key, Map<String, Object> values) {
        if (!values.containsKey("displayName")) {
            return Step.invalid(line, key, "a new user needs a displayName");
        }
        return new Step(
                line,
                key,
                Step.Action.CREATE,
                "new user: " + String.join(", ", values.keySet()),
                new Step.Request("POST", "/v1.0/users", values, key.get(0).toLowerCase(Locale.ROOT)));
    }

    private static Step update(int line, List<String> key, Map<String, Object> values, UserResource user) {
        JsonNode current = Api.json().valueToTree(user);
        Map<String, Object> changed = new LinkedHashMap<>();
        List<String> detail = new ArrayList<>();
        values.forEach((name, value) -> {
            Object old = value(current.path(name));
            if (!same(name, old, value)) {
                changed.put(name, value);
                detail.add(name + ": " + (old == null ? "(none)" : old) + " -> " + value);
            }
        });
        if (changed.isEmpty()) {
            return Step.unchanged(line, key, "already as in the file");
        }
        return new Step(
                line,
                key,
                Step.Action.UPDATE,
                String.join("; ", detail),
                new Step.Request("PATCH", Query.path("/v1.0/users", user.id()), changed, user.id()));
    }

    /** A request of this import as a row of {@code POST /allot/v1/users/validate}. */
    static Object validationRow(Step.Request request) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (request.method().equals("PATCH")) {
            row.put("id", request.lane());
        }
        row.put("user", request.body());
        return row;
    }

    private static boolean same(String name, Object old, Object value) {
        if (old instanceof String a && value instanceof String b) {
            return ANY_CASE.contains(name) ? a.equalsIgnoreCase(b) : a.equals(b);
        }
        return Objects.equals(old, value);
    }

    private static Object value(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** What is wrong with a record, or null. */
    static String problem(CsvFile.Record record) {
        String upn = record.get(UPN);
        if (upn == null) {
            return "no userPrincipalName";
        }
        if (!PRINCIPAL.matcher(upn).matches()) {
            return "'" + upn + "' is not a userPrincipalName (name@domain)";
        }
        String location = record.get("usageLocation");
        if (location != null && !LOCATION.matcher(location).matches()) {
            return "usageLocation '" + location + "' is not a two-letter country code";
        }
        String type = record.get("userType");
        if (type != null && !type.equalsIgnoreCase("Member") && !type.equalsIgnoreCase("Guest")) {
            return "userType '" + type + "' is neither Member nor Guest";
        }
        String enabled = record.get("accountEnabled");
        if (enabled != null && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            return "accountEnabled '" + enabled + "' is neither true nor false";
        }
        return null;
    }

    private static Map<String, Object> values(CsvFile.Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        record.values()
                .forEach((name, value) -> values.put(
                        name,
                        switch (name) {
                            case "accountEnabled" -> Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
                            case "usageLocation" -> value.toUpperCase(Locale.ROOT);
                            case "userType" -> value.equalsIgnoreCase("guest") ? "Guest" : "Member";
                            default -> value;
                        }));
        return values;
    }
}
