package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.allot.api.extensions.LicenseChangesRequest;
import org.allot.api.extensions.UserChangesRequest;
import org.allot.api.extensions.ValidationResult;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserRef;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.GraphErrors;
import org.allot.server.web.graph.GroupOnlyOverride;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validate-only bulk requests: rows of users, or of license changes, checked by the same use cases and rules that
 * would apply them, each in its turn after the rows before it, and nothing is changed (the use case rehearses them in
 * a unit of work that is rolled back). A malformed row makes the whole request a bad request, named by its index; a
 * row the rules refuse is answered in its place with the status and Graph's error the real request would get.
 */
@RestController
@RequestMapping(path = "/allot/v1", produces = "application/json")
public class ValidationController {
    /** Rows in one request: their locks are held until the request ends. */
    static final int MAX_ROWS = 1000;

    private final UserDirectory directory;
    private final UserLicensing licensing;
    private final Responses responses;

    public ValidationController(UserDirectory directory, UserLicensing licensing, Responses responses) {
        this.directory = directory;
        this.licensing = licensing;
        this.responses = responses;
    }

    /** Users to create (no id) or change (the id of an existing user), as POST and PATCH of /v1.0/users would. */
    @PostMapping("/users/validate")
    public ObjectNode users(
            ApiCaller caller,
            @Schema(implementation = UserChangesRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        List<UserDirectory.UserChange> changes = rows(body, Set.of("id", "user"), row -> {
            Optional<UserRef> user = row.has("id") ? Optional.of(user(row.get("id"), "id")) : Optional.empty();
            if (!row.has("user")) {
                throw new BadRequest("Send 'user', the properties to create or change.");
            }
            return new UserDirectory.UserChange(user, RequestBodies.user(row.get("user")));
        });
        boolean onlyLocations = changes.stream()
                .allMatch(c -> c.user().isPresent()
                        && c.values().keySet().stream().allMatch(a -> a == UserAttribute.USAGE_LOCATION));
        if (!onlyLocations && !ApiAccess.mayEditUsers(caller.roles())) {
            throw new AccessDeniedException("only usageLocation");
        }
        List<? extends Outcome<?>> outcomes = directory.rehearse(caller.caller(), changes);
        List<ValidationResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(result(i, outcomes.get(i), changes.get(i).user().isPresent() ? 204 : 201));
        }
        return responses.list(request, "validationResults", results);
    }

    /** Direct license changes, each as the body of assignLicense for the user with that id. */
    @PostMapping("/licenseChanges/validate")
    public ObjectNode licenseChanges(
            ApiCaller caller,
            @Schema(implementation = LicenseChangesRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        List<UserLicensing.LicenseChange> changes =
                rows(body, Set.of("userId", "addLicenses", "removeLicenses"), row -> {
                    if (!row.has("userId")) {
                        throw new BadRequest(
                                "Send 'userId', the id or user principal name of the user whose licenses change.");
                    }
                    UserRef user = user(row.get("userId"), "userId");
                    ObjectNode change = ((ObjectNode) row).deepCopy();
                    change.remove("userId");
                    RequestBodies.LicenseChange licenses = RequestBodies.licenses(change);
                    return new UserLicensing.LicenseChange(user, licenses.add(), licenses.remove());
                });
        List<? extends Outcome<?>> outcomes =
                licensing.rehearse(caller.caller(), changes, GroupOnlyOverride.asked(caller, request));
        List<ValidationResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(result(i, outcomes.get(i), 200));
        }
        return responses.list(request, "validationResults", results);
    }

    /** The rows of {@code value}, each parsed; a malformed one is a bad request that names its index. */
    private static <T> List<T> rows(JsonNode body, Set<String> properties, Function<JsonNode, T> parse) {
        RequestBodies.requireObject(body);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("value")) {
                throw new BadRequest("Property '" + field.getKey() + "' does not exist here: send 'value', the rows.");
            }
        }
        JsonNode value = body.path("value");
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_ROWS) {
            throw new BadRequest("'value' must be a list of 1 to " + MAX_ROWS + " rows.");
        }
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode row = value.get(i);
            try {
                if (!row.isObject()) {
                    throw new BadRequest("A row must be a JSON object.");
                }
                for (Map.Entry<String, JsonNode> field : row.properties()) {
                    if (!properties.contains(field.getKey())) {
                        throw new BadRequest("Property '" + field.getKey() + "' does not exist in a row: send "
                                + String.join(", ", properties.stream().sorted().toList()) + ".");
                    }
                }
                rows.add(parse.apply(row));
            } catch (BadRequest e) {
                throw new BadRequest(e.code(), "value[" + i + "]: " + e.getMessage());
            }
        }
        return rows;
    }

    /** A user named by id or user principal name, as in Graph's {@code users/{id | userPrincipalName}}. */
    private static UserRef user(JsonNode node, String name) {
        String text = node.isString() ? node.asString() : "";
        if (text.isBlank() || text.length() > UserAttribute.USER_PRINCIPAL_NAME.maxLength()) {
            throw new BadRequest("'" + name + "' must be the id or the user principal name of a user.");
        }
        return UserRef.of(text);
    }

    private static ValidationResult result(int index, Outcome<?> outcome, int status) {
        if (outcome.isDone()) {
            return new ValidationResult(index, true, status, null);
        }
        Rejection rejection = outcome.rejection();
        return new ValidationResult(
                index,
                false,
                GraphErrors.status(rejection.code()).value(),
                new ValidationResult.Refusal(GraphErrors.graphCode(rejection.code()), rejection.message()));
    }
}
