package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserRef;
import org.allot.core.query.Entity;
import org.allot.server.persistence.UnitOfWork;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's users, their licenses and their groups. */
@RestController
@RequestMapping(path = "/v1.0/users", produces = "application/json")
public class UsersController {
    private static final java.util.Set<String> LICENSE_DETAILS =
            java.util.Set.of("id", "servicePlans", "skuId", "skuPartNumber");

    private final UnitOfWork work;
    private final UserDirectory directory;
    private final UserLicensing licensing;
    private final DirectoryQueries queries;
    private final GraphViews views;
    private final Responses responses;

    public UsersController(
            UnitOfWork work,
            UserDirectory directory,
            UserLicensing licensing,
            DirectoryQueries queries,
            GraphViews views,
            Responses responses) {
        this.work = work;
        this.directory = directory;
        this.licensing = licensing;
        this.queries = queries;
        this.views = views;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, GraphViews.USER_PROPERTIES, ODataQuery.ALL);
        return work.read(() -> {
            var rows = queries.users(caller.tenant(), query.toQuery(), false);
            return responses.page(
                    request,
                    "users",
                    views.users(caller.tenant(), rows.rows(), query),
                    query,
                    GraphViews.USER_DEFAULT,
                    rows.count(),
                    rows.next());
        });
    }

    /** How many users match the {@code $filter}, as plain text (Graph's {@code /$count} segment). */
    @GetMapping(path = "/$count", produces = "text/plain")
    public String count(ApiCaller caller, HttpServletRequest request) {
        var query = ODataQuery.forCount(request, Entity.USER, GraphViews.USER_PROPERTIES);
        return Long.toString(
                work.read(() -> queries.users(caller.tenant(), query, false).count()));
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, GraphViews.USER_PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> {
            User user = find(caller, id);
            return responses.entity(
                    request,
                    "users/$entity",
                    views.users(caller.tenant(), List.of(user), query).get(0),
                    query,
                    GraphViews.USER_DEFAULT);
        });
    }

    @PostMapping
    public ResponseEntity<ObjectNode> create(
            ApiCaller caller,
            @Schema(implementation = org.allot.api.graph.User.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        Map<UserAttribute, Object> values = RequestBodies.user(body);
        User user = Refused.orRefuse(work.run(() -> directory.create(caller.caller(), values)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(responses.entity(
                        request, "users/$entity", views.user(caller.tenant(), user), null, GraphViews.USER_DEFAULT));
    }

    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = org.allot.api.graph.User.class) @RequestBody JsonNode body) {
        Map<UserAttribute, Object> values = RequestBodies.user(body);
        boolean onlyLocation = values.keySet().stream().allMatch(a -> a == UserAttribute.USAGE_LOCATION);
        if (!onlyLocation && !ApiAccess.mayEditUsers(caller.roles())) {
            throw new AccessDeniedException("only usageLocation");
        }
        Refused.orRefuse(work.run(
                () -> directory.update(caller.caller(), find(caller, id).id(), values)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(work.run(
                () -> directory.delete(caller.caller(), find(caller, id).id())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assignLicense")
    public ObjectNode assignLicense(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AssignLicenseRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.LicenseChange change = RequestBodies.licenses(body);
        boolean force = "true".equalsIgnoreCase(request.getParameter("force"));
        LicensedUser user = Refused.orRefuse(
                licensing.assign(caller.caller(), UserRef.of(id), change.add(), change.remove(), force));
        return licensed(user, request);
    }

    @PostMapping("/{id}/reprocessLicenseAssignment")
    public ObjectNode reprocess(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        LicensedUser user = Refused.orRefuse(licensing.reprocess(caller.caller(), UserRef.of(id)));
        return licensed(user, request);
    }

    @GetMapping("/{id}/licenseDetails")
    public ObjectNode licenseDetails(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery.of(request, null, java.util.Set.of(), java.util.Set.of());
        LicensedUser user =
                licensing.user(caller.tenant(), UserRef.of(id)).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.list(request, "users('" + id + "')/licenseDetails", GraphViews.licenseDetails(user));
    }

    @GetMapping("/{id}/memberOf")
    public ObjectNode memberOf(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return groupsOf(caller, id, false, request);
    }

    @GetMapping("/{id}/transitiveMemberOf")
    public ObjectNode transitiveMemberOf(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return groupsOf(caller, id, true, request);
    }

    private ObjectNode groupsOf(ApiCaller caller, String id, boolean transitive, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GraphViews.GROUP_PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> {
            List<Group> groups =
                    queries.memberOf(caller.tenant(), find(caller, id).id().value(), true, transitive);
            return responses.page(
                    request,
                    "directoryObjects",
                    views.groups(caller.tenant(), groups, query),
                    query,
                    GraphViews.GROUP_DEFAULT,
                    null,
                    null);
        });
    }

    private ObjectNode licensed(LicensedUser user, HttpServletRequest request) {
        return responses.entity(request, "users/$entity", GraphViews.user(user), null, withLicenses());
    }

    private static java.util.Set<String> withLicenses() {
        java.util.Set<String> properties = new java.util.LinkedHashSet<>(GraphViews.USER_DEFAULT);
        properties.addAll(List.of("assignedLicenses", "assignedPlans", "usageLocation"));
        return properties;
    }

    private User find(ApiCaller caller, String id) {
        return queries.user(caller.tenant(), id).orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }
}
