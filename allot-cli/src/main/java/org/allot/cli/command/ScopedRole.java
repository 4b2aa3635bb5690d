package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.api.graph.ScopedRoleMembershipResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.output.Table;

/** A role an app holds over an administrative unit: the role's name, the unit's id and its display name. */
record ScopedRole(String role, String unitId, String unit) {
    private static final int NOT_FOUND = 404;

    /**
     * The roles the app ({@code appId}, its client id) holds over units, read through Graph's
     * {@code administrativeUnits} and their {@code scopedRoleMembers}; none when its role is tenant-wide.
     *
     * <p>An app that holds roles over units lists those units only (docs/delegation.md), so when the first unit listed
     * has no role of the app, it holds none: its role is tenant-wide and it lists every unit of the tenant. A
     * tenant-wide administrator's answer therefore takes two requests however many units there are; a unit
     * administrator's, one more per unit of its own.
     *
     * @throws ApiError when the server refuses to list the units or their roles
     */
    static List<ScopedRole> of(Api api, String appId) {
        List<AdministrativeUnitResource> units = api.list(UnitCommands.UNITS, AdministrativeUnitResource.class);
        List<ScopedRole> held = new ArrayList<>();
        boolean first = true;
        for (AdministrativeUnitResource unit : units) {
            Optional<List<ScopedRole>> over = heldOver(api, unit, appId);
            if (over.isEmpty()) {
                continue; // deleted since it was listed
            }
            if (first && over.get().isEmpty()) {
                return List.of();
            }
            first = false;
            held.addAll(over.get());
        }
        return held;
    }

    /** The roles as a table, its columns named as the JSON properties of {@code whoami}'s {@code scopedRoles}. */
    static Table table(List<ScopedRole> held) {
        Table table = Table.of("role", "unitId", "unit");
        held.forEach(r -> table.add(r.role(), r.unitId(), r.unit()));
        return table;
    }

    /** The roles the app holds over the unit; empty when the unit is not found (deleted since it was listed). */
    private static Optional<List<ScopedRole>> heldOver(Api api, AdministrativeUnitResource unit, String appId) {
        List<ScopedRoleMembershipResource> roles;
        try {
            roles = api.list(
                    Query.path(UnitCommands.UNITS, unit.id(), "scopedRoleMembers"), ScopedRoleMembershipResource.class);
        } catch (ApiError e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(roles.stream()
                .filter(r -> r.roleMemberInfo() != null
                        && appId.equalsIgnoreCase(r.roleMemberInfo().id()))
                .map(r -> new ScopedRole(UnitRoles.nameOf(r.roleId()), unit.id(), unit.displayName()))
                .toList());
    }
}
