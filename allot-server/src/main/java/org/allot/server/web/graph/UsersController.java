package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Entity;
import org.allot.core.query.Page;
import org.allot.core.reclaim.UserActivities;
import org.allot.core.reclaim.UserActivity;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's users, their licenses and their groups. */
@RestController
@RequestMapping(path = "/v1.0/users", produces = "application/json")
public class UsersController {
    private static final Set<String> LICENSE_DETAILS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(java.util.List.of("id", "servicePlans", "skuId", "skuPartNumber")));

    private final UserDirectory directory;
    private final UserLicensing licensing;
    private final Responses responses;
    private final ScopedDirectory scoped;
    private final UserActivities activities;
    private final UserManagers managers;

    public UsersController(
            UserDirectory directory,
            UserLicensing licensing,
            Responses responses,
            ScopedDirectory scoped,
            UserActivities activities,
            UserManagers managers) {
        this.directory = directory;
        this.licensing = licensing;
        this.responses = responses;
        this.scoped = scoped;
        this.activities = activities;
        this.managers = managers;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        boolean manager = ManagerExpansion.requested(request);
        Expansion expansion = manager ? null : Expansion.of(request, Entity.USER);
        ODataQuery query = ODataQuery.of(
                request, Entity.USER, UserResources.USER_PROPERTIES_WITH_ACTIVITY, ODataQuery.ALL_AND_EXPAND);
        Page<LicensedUser> page = scoped.users(
                caller.caller(),
                Expansion.limit(query.toQuery(), expansion),
                false,
                UserResources.licensesSelected(query));
        ObjectNode body = responses.page(
                request,
                "users",
                UserResources.users(page.rows(), activityOf(caller, query, page.rows())),
                query,
                UserResources.USER_DEFAULT,
                page.count(),
                page.next());
        if (expansion != null) {
            List<UUID> ids =
                    page.rows().stream().map(u -> u.user().id().value()).toList();
            expansion.apply(scoped, responses, caller.caller(), true, body, ids);
        }
        if (manager) {
            ManagerExpansion.apply(
                    managers,
                    scoped,
                    caller.caller(),
                    responses,
                    body,
                    page.rows().stream().map(u -> u.user().id().value()).toList());
        }
        return body;
    }

    /** The users' activity when {@code signInActivity} is selected (Graph returns it only then); else nothing. */
    private Map<UserId, UserActivity> activityOf(ApiCaller caller, ODataQuery query, List<LicensedUser> users) {
        if (!UserResources.activitySelected(query)) {
            return Map.of();
        }
        return activities.of(
                caller.tenant(), users.stream().map(u -> u.user().id()).toList());
    }

    /** How many users match the {@code $filter}, as plain text (Graph's {@code /$count} segment). */
    @GetMapping(path = "/$count", produces = "text/plain")
    public String count(ApiCaller caller, HttpServletRequest request) {
        var query = ODataQuery.forCount(request, Entity.USER, UserResources.USER_PROPERTIES);
        return Long.toString(scoped.users(caller.caller(), query, false, false).count());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        boolean manager = ManagerExpansion.requested(request);
        Expansion expansion = manager ? null : Expansion.of(request, Entity.USER);
        ODataQuery query = ODataQuery.of(
                request, Entity.USER, UserResources.USER_PROPERTIES_WITH_ACTIVITY, ODataQuery.SELECT_AND_EXPAND);
        LicensedUser user = scoped.user(caller.caller(), UserRef.of(id), UserResources.licensesSelected(query))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        ObjectNode body = responses.entity(
                request,
                "users/$entity",
                UserResources.user(
                        user,
                        activityOf(caller, query, List.of(user)).get(user.user().id())),
                query,
                UserResources.USER_DEFAULT);
        if (expansion != null) {
            expansion.apply(
                    scoped,
                    responses,
                    caller.caller(),
                    true,
                    body,
                    List.of(user.user().id().value()));
        }
        if (manager) {
            ManagerExpansion.apply(
                    managers,
                    scoped,
                    caller.caller(),
                    responses,
                    body,
                    List.of(user.user().id().value()));
        }
        return body;
    }

    /**
     * 201 with the user. Answered as a body rather than a {@code ResponseEntity}: Spring MVC flushes a {@code
     * ResponseEntity}'s response before the request ends, which sends it chunked, in two writes, where a body is
     * sent once, with its {@code Content-Length}.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public GraphAnswer create(
            ApiCaller caller,
            @Schema(implementation = org.allot.api.graph.UserResource.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        Map<UserAttribute, Object> values = RequestBodies.user(body);
        User user = Refused.orRefuse(directory.create(caller.caller(), values));
        return responses.answer(
                request,
                "users/$entity",
                UserResources.user(LicensedUser.withoutLicenses(user)),
                null,
                UserResources.USER_DEFAULT);
    }

    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = org.allot.api.graph.UserResource.class) @RequestBody JsonNode body) {
        Map<UserAttribute, Object> values = RequestBodies.user(body);
        boolean onlyLocation = values.keySet().stream().allMatch(a -> a == UserAttribute.USAGE_LOCATION);
        if (!onlyLocation && !ApiAccess.mayEditUsers(caller.roles())) {
            throw new AccessDeniedException("only usageLocation");
        }
        Refused.orRefuse(directory.update(caller.caller(), UserRef.of(id), values));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(directory.delete(caller.caller(), UserRef.of(id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assignLicense")
    public GraphAnswer assignLicense(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AssignLicenseRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.LicenseChange change = RequestBodies.licenses(body);
        boolean force = "true".equalsIgnoreCase(request.getParameter("force"));
        boolean override = GroupOnlyOverride.asked(caller, request);
        LicensedUser user = Refused.orRefuse(
                licensing.assign(caller.caller(), UserRef.of(id), change.add(), change.remove(), force, override));
        return licensed(user, request);
    }

    @PostMapping("/{id}/reprocessLicenseAssignment")
    public GraphAnswer reprocess(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        LicensedUser user = Refused.orRefuse(licensing.reprocess(caller.caller(), UserRef.of(id)));
        return licensed(user, request);
    }

    @GetMapping("/{id}/licenseDetails")
    public ObjectNode licenseDetails(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, null, LICENSE_DETAILS, ODataQuery.SELECT_ONLY);
        LicensedUser user = scoped.userLicenses(caller.caller(), UserRef.of(id))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.page(
                request,
                "users('" + id + "')/licenseDetails",
                UserResources.licenseDetails(user),
                query,
                LICENSE_DETAILS,
                null,
                null);
    }

    private GraphAnswer licensed(LicensedUser user, HttpServletRequest request) {
        return responses.answer(request, "users/$entity", UserResources.user(user), null, UserResources.withLicenses());
    }
}
