package org.allot.server.web.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.api.graph.DirectoryObjectReference;
import org.allot.api.graph.ScopedRoleMembershipResource;
import org.allot.core.Rejection;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.assignment.LicensedUser;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.query.Query;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitDelegation;
import org.allot.core.unit.UnitDirectory;
import org.allot.core.unit.UnitId;
import org.allot.core.unit.UnitMembers;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.UnitRoleHolders;
import org.allot.server.security.store.Role;
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

/**
 * Graph's administrative units ({@code /directory/administrativeUnits}): listed, read, created, changed and deleted;
 * their members ({@code members}, {@code members/$ref}) and the roles held over them ({@code scopedRoleMembers}).
 * Changes are for Global Administrators; a caller whose roles are held over units sees those units only.
 */
@RestController
@RequestMapping(path = "/v1.0/directory/administrativeUnits", produces = "application/json")
public class AdministrativeUnitsController {
    private static final Set<String> MEMBER_PROPERTIES = union();

    private final UnitDirectory units;
    private final UnitMembers members;
    private final UnitDelegation delegation;
    private final UnitRoleHolders holders;
    private final Responses responses;

    public AdministrativeUnitsController(
            UnitDirectory units,
            UnitMembers members,
            UnitDelegation delegation,
            UnitRoleHolders holders,
            Responses responses) {
        this.units = units;
        this.members = members;
        this.delegation = delegation;
        this.holders = holders;
        this.responses = responses;
    }

    @GetMapping
    public ObjectNode list(ApiCaller caller, HttpServletRequest request) {
        return responses.list(
                request,
                "directory/administrativeUnits",
                units.list(caller.caller()).stream().map(UnitBodies::unit).toList());
    }

    @GetMapping("/{id}")
    public ObjectNode get(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        AdministrativeUnit unit =
                units.find(caller.caller(), unitId(id)).orElseThrow(() -> new Refused(Rejection.notFound(id)));
        return responses.entity(request, "directory/administrativeUnits/$entity", UnitBodies.unit(unit));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode create(
            ApiCaller caller,
            @Schema(implementation = AdministrativeUnitResource.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        AdministrativeUnit unit = Refused.orRefuse(units.create(caller.caller(), UnitBodies.change(body)));
        return responses.entity(request, "directory/administrativeUnits/$entity", UnitBodies.unit(unit));
    }

    @PatchMapping("/{id}")
    public ResponseEntity<Void> update(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = AdministrativeUnitResource.class) @RequestBody JsonNode body) {
        Refused.orRefuse(units.update(caller.caller(), unitId(id), UnitBodies.change(body)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        Refused.orRefuse(units.delete(caller.caller(), unitId(id)));
        return ResponseEntity.noContent().build();
    }

    /** The unit's users and groups, a page at a time ({@code $top}, {@code $skiptoken}). */
    @GetMapping("/{id}/members")
    public ObjectNode members(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        ODataQuery query = ODataQuery.of(
                request,
                null,
                MEMBER_PROPERTIES,
                EnumSet.of(ODataQuery.Option.SELECT, ODataQuery.Option.TOP, ODataQuery.Option.SKIPTOKEN));
        UUID after = query.after() == null ? null : query.after().id();
        List<DirectoryQueries.DirectoryObject> page =
                Refused.orRefuse(units.members(caller.caller(), unitId(id), after, query.top()));
        List<Object> values = new ArrayList<>();
        UUID last = null;
        for (DirectoryQueries.DirectoryObject o : page) {
            if (o instanceof DirectoryQueries.UserObject u) {
                values.add(UserResources.user(LicensedUser.withoutLicenses(u.user())));
                last = u.user().id().value();
            } else {
                DirectoryQueries.GroupObject g = (DirectoryQueries.GroupObject) o;
                values.add(GroupResources.group(LicensedGroup.withoutLicenses(g.group())));
                last = g.group().id().value();
            }
        }
        Query.Cursor next = page.size() < query.top() || last == null ? null : new Query.Cursor(null, last);
        Set<String> shape = query.select() == null ? null : query.select();
        return responses.page(request, "directoryObjects", values, query, shape, null, next);
    }

    @PostMapping("/{id}/members/$ref")
    public ResponseEntity<Void> addMember(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = DirectoryObjectReference.class) @RequestBody JsonNode body) {
        UUID member = RequestBodies.reference(body);
        Refused.orRefuse(members.add(caller.caller(), unitId(id), member));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/members/{member}/$ref")
    public ResponseEntity<Void> removeMember(ApiCaller caller, @PathVariable String id, @PathVariable String member) {
        Refused.orRefuse(members.remove(caller.caller(), unitId(id), RequestBodies.idOrNotFound(member)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/scopedRoleMembers")
    public ObjectNode roles(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        List<ScopedRoleMember> held = Refused.orRefuse(delegation.ofUnit(caller.caller(), unitId(id)));
        return responses.list(
                request,
                "directory/administrativeUnits('" + id + "')/scopedRoleMembers",
                held.stream().map(AdministrativeUnitsController::role).toList());
    }

    @GetMapping("/{id}/scopedRoleMembers/{role}")
    public ObjectNode role(
            ApiCaller caller, @PathVariable String id, @PathVariable String role, HttpServletRequest request) {
        UUID roleId = RequestBodies.idOrNotFound(role);
        ScopedRoleMember held = Refused.orRefuse(delegation.ofUnit(caller.caller(), unitId(id))).stream()
                .filter(r -> r.id().equals(roleId))
                .findFirst()
                .orElseThrow(() -> new Refused(Rejection.notFound(role)));
        return responses.entity(
                request, "directory/administrativeUnits('" + id + "')/scopedRoleMembers/$entity", role(held));
    }

    @PostMapping("/{id}/scopedRoleMembers")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode addRole(
            ApiCaller caller,
            @PathVariable String id,
            @Schema(implementation = ScopedRoleMembershipResource.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        UnitBodies.RoleRequest asked = UnitBodies.role(body, id);
        ScopedRoleMember held =
                Refused.orRefuse(holders.assign(caller.caller(), unitId(id), asked.roleId(), asked.memberId()));
        return responses.entity(
                request, "directory/administrativeUnits('" + id + "')/scopedRoleMembers/$entity", role(held));
    }

    @DeleteMapping("/{id}/scopedRoleMembers/{role}")
    public ResponseEntity<Void> removeRole(ApiCaller caller, @PathVariable String id, @PathVariable String role) {
        Refused.orRefuse(holders.remove(caller.caller(), unitId(id), RequestBodies.idOrNotFound(role)));
        return ResponseEntity.noContent().build();
    }

    private static ScopedRoleMembershipResource role(ScopedRoleMember member) {
        String template = Role.parse(member.role()).map(Role::templateId).orElse(member.role());
        return UnitBodies.role(member, template);
    }

    private static UnitId unitId(String id) {
        return new UnitId(RequestBodies.idOrNotFound(id));
    }

    private static Set<String> union() {
        Set<String> all = new java.util.HashSet<>(UserResources.USER_PROPERTIES);
        all.addAll(GroupResources.GROUP_PROPERTIES);
        return Set.copyOf(all);
    }
}
