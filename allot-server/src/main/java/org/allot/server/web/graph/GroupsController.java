package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.DirectoryObjectReference;
import org.allot.core.Rejection;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.assignment.ScopedDirectory;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.GroupMembers;
import org.allot.core.query.Entity;
import org.allot.core.query.Page;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's groups: their members, their licenses and how applying them stands. */
@RestController
@RequestMapping(path = "/v1.0/groups", produces = "application/json")
public class GroupsController {
    private final GroupDirectory directory;
    private final GroupMembers members;
    private final GroupLicensing licensing;
    private final LicensedDirectory reads;
    private final Responses responses;
    private final ScopedDirectory scoped;

    public GroupsController(
            GroupDirectory directory,
            GroupMembers members,
            GroupLicensing licensing,
            LicensedDirectory reads,
            Responses responses,
            ScopedDirectory scoped) {
        this.scoped = scoped;
        this.directory = directory;
        this.members = members;
        this.licensing = licensing;
        this.reads = reads;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        Expansion expansion = Expansion.of(request, Entity.GROUP);
        ODataQuery query =
                ODataQuery.of(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES, ODataQuery.ALL_AND_EXPAND);
        Page<LicensedGroup> page = scoped.groups(
                caller.caller(), Expansion.limit(query.toQuery(), expansion), GroupResources.licensesSelected(query));
        ObjectNode body = responses.page(
                request,
                "groups",
                GroupResources.groups(page.rows()),
                query,
                GroupResources.GROUP_DEFAULT,
                page.count(),
                page.next());
        if (expansion != null) {
            List<UUID> ids =
                    page.rows().stream().map(g -> g.group().id().value()).toList();
            expansion.apply(scoped, responses, caller.caller(), false, body, ids);
        }
        return body;
    }

    /** How many groups match the {@code $filter}, as plain text (Graph's {@code /$count} segment). */
    @GetMapping(path = "/$count", produces = "text/plain")
    public String count(ApiCaller caller, HttpServletRequest request) {
        var query = ODataQuery.forCount(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES);
        return Long.toString(scoped.groups(caller.caller(), query, false).count());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        Expansion expansion = Expansion.of(request, Entity.GROUP);
        ODataQuery query =
                ODataQuery.of(request, Entity.GROUP, GroupResources.GROUP_PROPERTIES, ODataQuery.SELECT_AND_EXPAND);
        LicensedGroup group = scoped.group(caller.caller(), groupId(id), GroupResources.licensesSelected(query))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        ObjectNode body = responses.entity(
                request, "groups/$entity", GroupResources.group(group), query, GroupResources.GROUP_DEFAULT);
        if (expansion != null) {
            expansion.apply(
                    scoped,
                    responses,
                    caller.caller(),
                    false,
                    body,
                    List.of(group.group().id().value()));
        }
        return body;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode create(
            ApiCaller caller,
            @Schema(implementation = org.allot.api.graph.GroupResource.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        RequestBodies.GroupBody group = RequestBodies.group(body);
        Group created =
                Refused.orRefuse(members.create(caller.caller(), group.values(), group.groupTypes(), group.members()));
        return responses.entity(
                request,
                "groups/$entity",
                GroupResources.group(LicensedGroup.withoutLicenses(created)),
                null,
                GroupResources.GROUP_DEFAULT);
    }

    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = org.allot.api.graph.GroupResource.class) @RequestBody JsonNode body) {
        RequestBodies.GroupBody group = RequestBodies.group(body);
        if (group.groupTypesGiven()) {
            throw new BadRequest("groupTypes cannot be changed after a group is created.");
        }
        Refused.orRefuse(members.update(caller.caller(), groupId(id), group.values(), group.members()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(directory.delete(caller.caller(), groupId(id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/members/$ref")
    public ResponseEntity<Void> addMember(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = DirectoryObjectReference.class) @RequestBody JsonNode body) {
        UUID member = RequestBodies.reference(body);
        Refused.orRefuse(directory.addMember(caller.caller(), groupId(id), member));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/members/{member}/$ref")
    public ResponseEntity<Void> removeMember(ApiCaller caller, @PathVariable String id, @PathVariable String member) {
        UUID memberId = RequestBodies.idOrNotFound(member);
        Refused.orRefuse(directory.removeMember(caller.caller(), groupId(id), memberId));
        return ResponseEntity.noContent().build();
    }

    /** 202: members are licensed in the background for large groups; the group's licenseProcessingState tells. */
    @PostMapping("/{id}/assignLicense")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode assignLicense(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AssignLicenseRequest.class) @RequestBody JsonNode body,
            HttpServletRequest request,
            HttpServletResponse response) {
        RequestBodies.LicenseChange change = RequestBodies.licenses(body);
        var state = Refused.orRefuse(licensing.assign(caller.caller(), groupId(id), change.add(), change.remove()));
        response.setHeader("Location", responses.url(request).replace("/assignLicense", ""));
        return responses.entity(
                request,
                "groups/$entity",
                GroupResources.group(LicensedGroup.of(state)),
                null,
                GroupResources.withLicenses());
    }

    @GetMapping("/{id}/membersWithLicenseErrors")
    public ObjectNode membersWithLicenseErrors(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(request, Entity.USER, UserResources.USER_PROPERTIES, ODataQuery.ALL);
        Page<LicensedUser> page = reads.membersWithLicenseErrors(
                        caller.tenant(), groupId(id), query.toQuery(), UserResources.licensesSelected(query))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.page(
                request,
                "directoryObjects",
                UserResources.users(page.rows()),
                query,
                UserResources.USER_DEFAULT,
                page.count(),
                page.next());
    }

    /** A group's id in a URL; anything else names no group. */
    private static GroupId groupId(String id) {
        return new GroupId(RequestBodies.idOrNotFound(id));
    }
}
