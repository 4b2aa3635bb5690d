package org.allot.server.web.graph;

import java.util.Map;
import java.util.Set;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.api.graph.ScopedRoleMembershipResource;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitChange;
import tools.jackson.databind.JsonNode;

/** Graph's administrative units and scoped role memberships, read from requests and written to answers. */
final class UnitBodies {
    private static final Set<String> WRITABLE =
            Set.of("displayName", "description", "membershipType", "membershipRule", "membershipRuleProcessingState");
    /** Set by Allot, never by a request. */
    private static final Set<String> READ_ONLY = Set.of("id", "deletedDateTime");

    private UnitBodies() {}

    /** What a create or update request sets. */
    static UnitChange change(JsonNode body) {
        RequestBodies.requireObject(body);
        UnitChange change = UnitChange.none();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("@odata.type") && value.isString()) {
                continue;
            }
            if (READ_ONLY.contains(name)) {
                throw RequestBodies.readOnly(name);
            }
            boolean ordinary = name.equals("visibility")
                    ? value.isNull()
                    : name.equals("isMemberManagementRestricted") && value.isBoolean() && !value.asBoolean();
            if (name.equals("visibility") || name.equals("isMemberManagementRestricted")) {
                if (!ordinary) {
                    throw new BadRequest("Allot keeps no hidden administrative units and no restricted-management"
                            + " ones: '" + name + "' can only be left out (or null, false).");
                }
                continue;
            }
            if (!WRITABLE.contains(name)) {
                throw RequestBodies.unknown(name, "AdministrativeUnit");
            }
            if (!value.isNull() && !value.isString()) {
                throw RequestBodies.invalid(name, "AdministrativeUnit");
            }
            String text = value.isNull() ? null : value.asString();
            change = switch (name) {
                case "displayName" -> {
                    if (text == null) {
                        throw RequestBodies.invalid(name, "AdministrativeUnit");
                    }
                    yield change.withDisplayName(text);
                }
                case "description" -> change.withDescription(text);
                case "membershipType" -> change.withMembershipType(text);
                case "membershipRule" -> change.withMembershipRule(text);
                default -> {
                    if (text == null) {
                        throw RequestBodies.invalid(name, "AdministrativeUnit");
                    }
                    yield change.withProcessingState(text);
                }
            };
        }
        return change;
    }

    static AdministrativeUnitResource unit(AdministrativeUnit unit) {
        return new AdministrativeUnitResource(
                unit.id().toString(),
                unit.displayName(),
                unit.description(),
                unit.isDynamic() ? "Dynamic" : null,
                unit.membershipRule(),
                unit.processingState(),
                null,
                false,
                null);
    }

    /** {@code roleId} and {@code roleMemberInfo.id} of a scopedRoleMembers request. */
    record RoleRequest(String roleId, String memberId) {}

    static RoleRequest role(JsonNode body, String unitId) {
        RequestBodies.requireObject(body);
        JsonNode unit = body.get("administrativeUnitId");
        if (unit != null && !(unit.isString() && unit.asString().equalsIgnoreCase(unitId))) {
            throw RequestBodies.invalid("administrativeUnitId", "ScopedRoleMembership");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (!Set.of("roleId", "roleMemberInfo", "administrativeUnitId", "@odata.type")
                    .contains(name)) {
                throw RequestBodies.unknown(name, "ScopedRoleMembership");
            }
        }
        JsonNode roleId = body.get("roleId");
        JsonNode member = body.get("roleMemberInfo");
        if (roleId == null || !roleId.isString()) {
            throw new BadRequest("A scoped role membership needs 'roleId': the role's template id.");
        }
        if (member == null
                || !member.isObject()
                || member.get("id") == null
                || !member.get("id").isString()) {
            throw new BadRequest("A scoped role membership needs 'roleMemberInfo': {\"id\": an app's client id or an"
                    + " admin account's username}.");
        }
        return new RoleRequest(roleId.asString(), member.get("id").asString());
    }

    static ScopedRoleMembershipResource role(ScopedRoleMember member, String templateId) {
        return new ScopedRoleMembershipResource(
                member.id().toString(),
                templateId,
                member.unit().toString(),
                new ScopedRoleMembershipResource.Identity(
                        member.member().id(), member.member().displayName()));
    }
}
