package org.allot.cli.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.api.graph.AdministrativeUnitResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Administrative units: list, show, create and delete them; their members and the roles held over them. */
@Command(
        name = "unit",
        aliases = "units",
        mixinStandardHelpOptions = true,
        subcommands = {UnitMembers.class, UnitRoles.class},
        description = {
            "Lists, shows, creates and deletes administrative units (creating and deleting: Global Administrators).",
            "A unit is a named set of users and groups, static or chosen by a membership rule; an app that holds a"
                    + " role over units reads and changes only their users and groups (docs/delegation.md)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot unit list",
            "  allot unit create North --description \"North business unit\"",
            "  allot unit create Sales --rule 'user.department -eq \"Sales\"'",
            "  allot unit show North",
            "  allot unit delete North"
        })
public final class UnitCommands {
    static final String UNITS = "/v1.0/directory/administrativeUnits";

    private final Context context;

    UnitCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the units (an app scoped to units: its own).",
            footerHeading = "%nExamples:%n",
            footer = {"  allot unit list", "  allot unit list -o json"})
    void list() {
        context.printer().print(table(context.api().list(UNITS, AdministrativeUnitResource.class)));
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows one unit.",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit show North")
    void show(@Parameters(paramLabel = "UNIT", description = "id or display name") String unit) {
        context.printer().print(table(List.of(find(context, unit))));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a unit: static (add members with 'allot unit members add'), or dynamic with --rule (the users"
                        + " the rule matches, kept up to date, in the syntax of dynamic groups)."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot unit create North",
                "  allot unit create Sales --rule 'user.department -eq \"Sales\"' --description \"Sales people\""
            })
    void create(
            @Parameters(paramLabel = "NAME", description = "the unit's display name") String name,
            @Option(names = "--description", description = "what the unit is for") String description,
            @Option(names = "--rule", description = "a membership rule: the unit is dynamic") String rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        if (description != null) {
            body.put("description", description);
        }
        if (rule != null) {
            body.put("membershipType", "Dynamic");
            body.put("membershipRule", rule);
        }
        AdministrativeUnitResource unit = context.api().post(UNITS, body, AdministrativeUnitResource.class);
        context.note("Created " + unit.displayName() + " (" + unit.id() + ").");
        context.printer().print(table(List.of(unit)));
    }

    @Command(
            name = "delete",
            aliases = "remove",
            mixinStandardHelpOptions = true,
            description =
                    "Deletes a unit, with its memberships and the roles held over it (its users and groups stay).",
            footerHeading = "%nExamples:%n",
            footer = "  allot unit delete North")
    void delete(@Parameters(paramLabel = "UNIT", description = "id or display name") String unit) {
        AdministrativeUnitResource found = find(context, unit);
        context.api().delete(Query.path(UNITS, found.id()));
        context.note("Deleted " + found.displayName() + ".");
    }

    /** A unit by id, or by its display name when that names exactly one unit. */
    static AdministrativeUnitResource find(Context context, String idOrName) {
        String name = idOrName.strip();
        List<AdministrativeUnitResource> all = context.api().list(UNITS, AdministrativeUnitResource.class);
        if (Directory.isGuid(name)) {
            for (AdministrativeUnitResource unit : all) {
                if (unit.id().equalsIgnoreCase(name)) {
                    return unit;
                }
            }
        }
        List<AdministrativeUnitResource> named =
                all.stream().filter(u -> u.displayName().equalsIgnoreCase(name)).toList();
        if (named.isEmpty()) {
            throw Failure.notFound("No administrative unit '" + name + "'.");
        }
        if (named.size() > 1) {
            throw Failure.usage(named.size() + " units are named '" + name + "': give the id of one: "
                    + String.join(
                            ", ",
                            named.stream().map(AdministrativeUnitResource::id).toList()) + ".");
        }
        return named.get(0);
    }

    private static Table table(List<AdministrativeUnitResource> units) {
        Table table = Table.of("id", "displayName", "membershipType", "membershipRule", "description");
        units.forEach(u -> table.add(
                u.id(),
                u.displayName(),
                u.membershipType() == null ? "Assigned" : u.membershipType(),
                u.membershipRule(),
                u.description()));
        return table;
    }
}
