package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.DirectoryObjectReference;
import org.allot.core.Rejection;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.query.Entity;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Graph's groups: their members, their licenses and how applying them stands. */
@RestController
@RequestMapping(path = "/v1.0/groups", produces = "application/json")
public class GroupsController {
    private final UnitOfWork work;
    private final GroupDirectory directory;
    private final GroupLicensing licensing;
    private final Groups groups;
    private final DirectoryQueries queries;
    private final GraphViews views;
    private final Responses responses;

    public GroupsController(
            UnitOfWork work,
            GroupDirectory directory,
            GroupLicensing licensing,
            Groups groups,
            DirectoryQueries queries,
            GraphViews views,
            Responses responses) {
        this.work = work;
        this.directory = directory;
        this.licensing = licensing;
        this.groups = groups;
        this.queries = queries;
        this.views = views;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GraphViews.GROUP_PROPERTIES, ODataQuery.ALL);
        return work.read(() -> {
            var rows = queries.groups(caller.tenant(), query.toQuery());
            return responses.page(
                    request,
                    "groups",
                    views.groups(caller.tenant(), rows.rows(), query),
                    query,
                    GraphViews.GROUP_DEFAULT,
                    rows.count(),
                    rows.next());
        });
    }

    /** How many groups match the {@code $filter}, as plain text (Graph's {@code /$count} segment). */
    @GetMapping(path = "/$count", produces = "text/plain")
    public String count(ApiCaller caller, HttpServletRequest request) {
        var query = ODataQuery.forCount(request, Entity.GROUP, GraphViews.GROUP_PROPERTIES);
        return Long.toString(
                work.read(() -> queries.groups(caller.tenant(), query).count()));
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GraphViews.GROUP_PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> responses.entity(
                request,
                "groups/$entity",
                views.groups(caller.tenant(), List.of(find(caller, id)), query).get(0),
                query,
                GraphViews.GROUP_DEFAULT));
    }

    @PostMapping
    public ResponseEntity<ObjectNode> create(
            ApiCaller caller,
            @Schema(implementation = org.allot.api.graph.Group.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.GroupBody group = RequestBodies.group(body);
        Group created =
                Refused.orRefuse(work.run(() -> directory.create(caller.caller(), group.values(), group.groupTypes())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(responses.entity(
                        request,
                        "groups/$entity",
                        views.group(caller.tenant(), created),
                        null,
                        GraphViews.GROUP_DEFAULT));
    }

    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = org.allot.api.graph.Group.class) @RequestBody JsonNode body) {
        RequestBodies.GroupBody group = RequestBodies.group(body);
        if (group.groupTypesGiven()) {
            throw new BadRequest("groupTypes cannot be changed after a group is created.");
        }
        Refused.orRefuse(work.run(
                () -> directory.update(caller.caller(), find(caller, id).id(), group.values())));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(work.run(
                () -> directory.delete(caller.caller(), find(caller, id).id())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    public ObjectNode members(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return members(caller, id, false, request);
    }

    @GetMapping("/{id}/transitiveMembers")
    public ObjectNode transitiveMembers(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return members(caller, id, true, request);
    }

    @PostMapping("/{id}/members/$ref")
    public ResponseEntity<Void> addMember(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = DirectoryObjectReference.class) @RequestBody JsonNode body) {
        UUID member = RequestBodies.reference(body);
        Refused.orRefuse(work.run(
                () -> directory.addMember(caller.caller(), find(caller, id).id(), member(caller, member))));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/members/{member}/$ref")
    public ResponseEntity<Void> removeMember(ApiCaller caller, @PathVariable String id, @PathVariable String member) {
        UUID memberId = RequestBodies.uuid(member).orElseThrow(() -> new Refused(Rejection.notFound(member)));
        Refused.orRefuse(work.run(
                () -> directory.removeMember(caller.caller(), find(caller, id).id(), member(caller, memberId))));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/memberOf")
    public ObjectNode memberOf(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.GROUP, GraphViews.GROUP_PROPERTIES, ODataQuery.SELECT_ONLY);
        return work.read(() -> responses.page(
                request,
                "directoryObjects",
                views.groups(
                        caller.tenant(),
                        queries.memberOf(caller.tenant(), find(caller, id).id().value(), false, false),
                        query),
                query,
                GraphViews.GROUP_DEFAULT,
                null,
                null));
    }

    /** 202: members are licensed in the background for large groups; the group's licenseProcessingState tells. */
    @PostMapping("/{id}/assignLicense")
    public ResponseEntity<ObjectNode> assignLicense(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AssignLicenseRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.LicenseChange change = RequestBodies.licenses(body);
        var state = Refused.orRefuse(work.run(
                () -> licensing.assign(caller.caller(), find(caller, id).id(), change.add(), change.remove())));
        ObjectNode group = work.read(() -> responses.entity(
                request, "groups/$entity", views.group(caller.tenant(), state.group()), null, withLicenses()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", responses.url(request).replace("/assignLicense", ""))
                .body(group);
    }

    @GetMapping("/{id}/membersWithLicenseErrors")
    public ObjectNode membersWithLicenseErrors(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, GraphViews.USER_PROPERTIES, ODataQuery.ALL);
        return work.read(() -> {
            var rows = queries.membersWithLicenseErrors(
                    caller.tenant(), find(caller, id).id(), query.toQuery());
            return responses.page(
                    request,
                    "directoryObjects",
                    views.users(caller.tenant(), rows.rows(), query),
                    query,
                    GraphViews.USER_DEFAULT,
                    rows.count(),
                    rows.next());
        });
    }

    private ObjectNode members(ApiCaller caller, String id, boolean transitive, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(
                request, null, Set.of(), java.util.EnumSet.of(ODataQuery.Option.TOP, ODataQuery.Option.SKIPTOKEN));
        return work.read(() -> {
            Group group = find(caller, id);
            var rows = queries.members(
                    caller.tenant(),
                    group.id(),
                    transitive,
                    query.top(),
                    query.after() == null ? null : query.after().id());
            List<Object> values = new ArrayList<>();
            for (DirectoryQueries.DirectoryObject o : rows.rows()) {
                values.add(
                        o instanceof DirectoryQueries.UserObject u
                                ? views.users(caller.tenant(), List.of(u.user()), null)
                                        .get(0)
                                : views.groups(
                                                caller.tenant(),
                                                List.of(((DirectoryQueries.GroupObject) o).group()),
                                                null)
                                        .get(0));
            }
            return responses.page(request, "directoryObjects", values, query, null, null, rows.next());
        });
    }

    private Member member(ApiCaller caller, UUID id) {
        if (queries.user(caller.tenant(), id.toString()).isPresent()) {
            return Member.user(new UserId(id));
        }
        if (groups.find(caller.tenant(), new GroupId(id)).isPresent()) {
            return Member.group(new GroupId(id));
        }
        throw new Refused(Rejection.notFound(id));
    }

    private Group find(ApiCaller caller, String id) {
        return RequestBodies.uuid(id)
                .flatMap(uuid -> groups.find(caller.tenant(), new GroupId(uuid)))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    private static Set<String> withLicenses() {
        Set<String> properties = new java.util.LinkedHashSet<>(GraphViews.GROUP_DEFAULT);
        properties.addAll(List.of("assignedLicenses", "licenseProcessingState"));
        return properties;
    }
}
