package org.allot.cli.command;

import java.util.List;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A unit's members: list, add and remove users (by userPrincipalName) and groups (by name). */
@Command(
        name = "members",
        aliases = "member",
        mixinStandardHelpOptions = true,
        description = "Lists, adds and removes the users and groups of a static administrative unit.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot unit members list North",
            "  allot unit members add North ada@contoso.com \"North staff\"",
            "  allot unit members remove North ada@contoso.com"
        })
final class UnitMembers {
    private final Context context;

    UnitMembers(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists a unit's users and groups.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit members list North -o csv")
    void list(@Parameters(paramLabel = "UNIT", description = "id or display name") String unit) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        MemberChanges.list(context, Query.path(UnitCommands.UNITS, u.id(), "members"));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds users or groups to a unit.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit members add North ada@contoso.com \"North staff\"")
    int add(
            @Parameters(index = "0", paramLabel = "UNIT", description = "id or display name") String unit,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER") List<String> members) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        return MemberChanges.add(context, members, Query.path(UnitCommands.UNITS, u.id(), "members"));
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes users or groups from a unit.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit members remove North ada@contoso.com")
    int remove(
            @Parameters(index = "0", paramLabel = "UNIT", description = "id or display name") String unit,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER") List<String> members) {
        AdministrativeUnitResource u = UnitCommands.find(context, unit);
        return MemberChanges.each(
                context,
                members,
                id -> context.api().delete(Query.path(UnitCommands.UNITS, u.id(), "members", id, "$ref")),
                "removed");
    }
}
