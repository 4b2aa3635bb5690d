package org.allot.cli.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.api.graph.ScopedRoleMembershipResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The roles held over a unit: an app becomes License, User or Groups Administrator, or Global Reader, of it. */
@Command(
        name = "role",
        aliases = "roles",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, gives and takes back roles held over an administrative unit (giving and taking back: Global"
                    + " Administrators).",
            "An app that holds a role over units acts only with those roles, on those units' users and groups."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot unit role add North \"License Administrator\" 0e1c…-app-client-id",
            "  allot unit role list North",
            "  allot unit role remove North 7f3a…-role-membership-id"
        })
final class UnitRoles {
    /** Entra's role template ids of the roles that may be held over units. */
    static final Map<String, String> TEMPLATES = Map.of(
            "License Administrator", "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
            "User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1",
            "Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c",
            "Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451");

    private final Context context;

    UnitRoles(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the roles held over a unit.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit role list North")
    void list(@Parameters(paramLabel = "UNIT", description = "id or display name") String unit) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        context.printer()
                .print(table(context.api()
                        .list(
                                Query.path(UnitCommands.UNITS, u.id(), "scopedRoleMembers"),
                                ScopedRoleMembershipResource.class)));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Gives an app a role over a unit.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit role add North \"License Administrator\" 0e1c5a8e-0000-4000-8000-000000000001")
    void add(
            @Parameters(index = "0", paramLabel = "UNIT", description = "id or display name") String unit,
            @Parameters(
                            index = "1",
                            paramLabel = "ROLE",
                            description = "License Administrator, User Administrator, Groups Administrator, Global"
                                    + " Reader, or a role template id")
                    String role,
            @Parameters(index = "2", paramLabel = "APP", description = "the app's client id") String app) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        ScopedRoleMembershipResource held = context.api()
                .post(
                        Query.path(UnitCommands.UNITS, u.id(), "scopedRoleMembers"),
                        Map.of("roleId", templateOf(role), "roleMemberInfo", Map.of("id", app)),
                        ScopedRoleMembershipResource.class);
        context.note(held.roleMemberInfo().displayName() + " is now " + nameOf(held.roleId()) + " of " + u.displayName()
                + ".");
        context.printer().print(table(List.of(held)));
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Takes a role held over a unit back (by its id, from 'allot unit role list').",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit role remove North 7f3a0c1e-0000-4000-8000-000000000002")
    void remove(
            @Parameters(index = "0", paramLabel = "UNIT", description = "id or display name") String unit,
            @Parameters(index = "1", paramLabel = "ID", description = "the role membership's id") String id) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        context.api().delete(Query.path(UnitCommands.UNITS, u.id(), "scopedRoleMembers", id));
        context.note("Took the role back.");
    }

    private static String templateOf(String role) {
        for (Map.Entry<String, String> e : TEMPLATES.entrySet()) {
            if (e.getKey().equalsIgnoreCase(role.strip()) || e.getValue().equalsIgnoreCase(role.strip())) {
                return e.getValue();
            }
        }
        throw Failure.usage("Unknown role '" + role + "': one of "
                + String.join(", ", TEMPLATES.keySet().stream().sorted().toList()) + ".");
    }

    /** The role named by its template id (an unknown id as it is, in lower case). */
    static String nameOf(String templateId) {
        return TEMPLATES.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(templateId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(templateId.toLowerCase(Locale.ROOT));
    }

    private static Table table(List<ScopedRoleMembershipResource> held) {
        Table table = Table.of("id", "role", "appId", "app");
        held.forEach(r -> table.add(
                r.id(),
                nameOf(r.roleId()),
                r.roleMemberInfo().id(),
                r.roleMemberInfo().displayName()));
        return table;
    }
}
