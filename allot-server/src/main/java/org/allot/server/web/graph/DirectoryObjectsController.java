package org.allot.server.web.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.directory.DirectoryObjects;
import org.allot.core.directory.DirectoryObjects.Kind;
import org.allot.core.directory.DirectoryObjects.Subject;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserRef;
import org.allot.server.security.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's directory objects: a user or group by id whatever it is, several at once ({@code getByIds}), and the groups
 * a user, group or directory object belongs to at any depth ({@code getMemberGroups}, {@code checkMemberGroups},
 * {@code getMemberObjects}, {@code checkMemberObjects}).
 */
@RestController
public class DirectoryObjectsController {
    private static final String STRINGS = "Collection(Edm.String)";

    private final DirectoryObjects objects;
    private final Responses responses;

    public DirectoryObjectsController(DirectoryObjects objects, Responses responses) {
        this.objects = objects;
        this.responses = responses;
    }

    @GetMapping(path = "/v1.0/directoryObjects/{id}", produces = "application/json")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery.of(request, null, Set.of(), Set.of());
        DirectoryQueries.DirectoryObject found = objects.find(caller.caller(), RequestBodies.idOrNotFound(id))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "directoryObjects/$entity", resource(found));
    }

    /** A directory object cast to a user, as Graph answers it: 404 when the object is not a user. */
    @GetMapping(
            path = {"/v1.0/directoryObjects/{id}/microsoft.graph.user", "/v1.0/directoryObjects/{id}/graph.user"},
            produces = "application/json")
    public ObjectNode getUser(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return cast(caller, id, DirectoryQueries.UserObject.class, "microsoft.graph.user", request);
    }

    /** A directory object cast to a group, as Graph answers it: 404 when the object is not a group. */
    @GetMapping(
            path = {"/v1.0/directoryObjects/{id}/microsoft.graph.group", "/v1.0/directoryObjects/{id}/graph.group"},
            produces = "application/json")
    public ObjectNode getGroup(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return cast(caller, id, DirectoryQueries.GroupObject.class, "microsoft.graph.group", request);
    }

    private ObjectNode cast(
            ApiCaller caller,
            String id,
            Class<? extends DirectoryQueries.DirectoryObject> type,
            String typeName,
            HttpServletRequest request) {
        ODataQuery.of(request, null, Set.of(), Set.of());
        DirectoryQueries.DirectoryObject found = objects.find(caller.caller(), RequestBodies.idOrNotFound(id))
                .filter(type::isInstance)
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "directoryObjects/" + typeName + "/$entity", resource(found));
    }

    @PostMapping(path = "/v1.0/directoryObjects/getByIds", produces = "application/json")
    public ObjectNode getByIds(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        RequestBodies.requireObject(body);
        List<UUID> ids = null;
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            switch (field.getKey()) {
                case "ids" -> ids = ids(field.getValue(), "ids", DirectoryObjects.MAX_IDS);
                case "types" -> {
                    for (String type : strings(field.getValue(), "types", 20)) {
                        kinds.add(kind(type));
                    }
                }
                default -> throw RequestBodies.unknown(field.getKey(), "getByIds");
            }
        }
        if (ids == null) {
            throw new BadRequest("getByIds needs 'ids', a list of 1 to " + DirectoryObjects.MAX_IDS + " object ids.");
        }
        List<Object> values = new ArrayList<>();
        Refused.orRefuse(objects.byIds(caller.caller(), ids, kinds)).forEach(o -> values.add(resource(o)));
        return responses.list(request, "directoryObjects", values);
    }

    @PostMapping(
            path = {
                "/v1.0/users/{id}/getMemberGroups",
                "/v1.0/groups/{id}/getMemberGroups",
                "/v1.0/directoryObjects/{id}/getMemberGroups",
                "/v1.0/users/{id}/getMemberObjects",
                "/v1.0/groups/{id}/getMemberObjects",
                "/v1.0/directoryObjects/{id}/getMemberObjects"
            },
            produces = "application/json")
    public ObjectNode getMemberGroups(
            ApiCaller caller, @PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        RequestBodies.requireObject(body);
        boolean securityEnabledOnly = false;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("securityEnabledOnly")) {
                throw RequestBodies.unknown(field.getKey(), "getMemberGroups");
            }
            if (!field.getValue().isBoolean()) {
                throw RequestBodies.invalid("securityEnabledOnly", "getMemberGroups");
            }
            securityEnabledOnly = field.getValue().asBoolean();
        }
        List<UUID> groups =
                Refused.orRefuse(objects.memberGroups(caller.tenant(), subject(id, request), securityEnabledOnly));
        return strings(request, groups);
    }

    @PostMapping(
            path = {
                "/v1.0/users/{id}/checkMemberGroups",
                "/v1.0/groups/{id}/checkMemberGroups",
                "/v1.0/directoryObjects/{id}/checkMemberGroups",
                "/v1.0/users/{id}/checkMemberObjects",
                "/v1.0/groups/{id}/checkMemberObjects",
                "/v1.0/directoryObjects/{id}/checkMemberObjects"
            },
            produces = "application/json")
    public ObjectNode checkMemberGroups(
            ApiCaller caller, @PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        RequestBodies.requireObject(body);
        String name = request.getRequestURI().endsWith("/checkMemberObjects") ? "ids" : "groupIds";
        List<UUID> ids = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals(name)) {
                throw RequestBodies.unknown(
                        field.getKey(), name.equals("ids") ? "checkMemberObjects" : "checkMemberGroups");
            }
            ids = ids(field.getValue(), name, DirectoryObjects.MAX_CHECKED);
        }
        if (ids == null) {
            throw new BadRequest("Send '" + name + "', a list of 1 to " + DirectoryObjects.MAX_CHECKED + " ids.");
        }
        return strings(
                request, Refused.orRefuse(objects.checkMemberGroups(caller.tenant(), subject(id, request), ids)));
    }

    private ObjectNode strings(HttpServletRequest request, List<UUID> ids) {
        return responses.entity(
                request,
                STRINGS,
                Map.of("value", ids.stream().map(UUID::toString).toList()));
    }

    /** The object a path names: a user by id or sign-in name, a group by id, or either by id. */
    private static Subject subject(String id, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/v1.0/users/")) {
            return Subject.of(UserRef.of(id));
        }
        UUID uuid = RequestBodies.idOrNotFound(id);
        return path.startsWith("/v1.0/groups/") ? Subject.of(new GroupId(uuid)) : Subject.any(uuid);
    }

    private static Object resource(DirectoryQueries.DirectoryObject object) {
        return object instanceof DirectoryQueries.UserObject u
                ? UserResources.user(LicensedUser.withoutLicenses(u.user()))
                : GroupResources.group(LicensedGroup.withoutLicenses(((DirectoryQueries.GroupObject) object).group()));
    }

    private static Kind kind(String type) {
        String name = type.toLowerCase(Locale.ROOT);
        name = name.startsWith("microsoft.graph.") ? name.substring("microsoft.graph.".length()) : name;
        return switch (name) {
            case "user" -> Kind.USER;
            case "group" -> Kind.GROUP;
            default ->
                throw new BadRequest("Invalid value for 'types': '" + type
                        + "'. Allot holds directory objects of the types user and group.");
        };
    }

    private static List<UUID> ids(JsonNode value, String name, int max) {
        List<UUID> ids = new ArrayList<>();
        for (String text : strings(value, name, max)) {
            ids.add(RequestBodies.uuid(text)
                    .orElseThrow(() -> new BadRequest("Invalid object identifier '" + text + "' in '" + name + "'.")));
        }
        return ids;
    }

    private static List<String> strings(JsonNode value, String name, int max) {
        if (!value.isArray() || value.isEmpty() || value.size() > max) {
            throw new BadRequest("'" + name + "' is a list of 1 to " + max + " values.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new BadRequest("'" + name + "' is a list of strings.");
            }
            strings.add(item.asString());
        }
        return strings;
    }
}
