package org.allot.cli.command;

import java.util.List;
import org.allot.api.graph.GroupResource;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A group's members: list, add and remove users (by userPrincipalName) and groups (by name). */
@Command(
        name = "members",
        aliases = "member",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, adds and removes the members of a group.",
            "Members are users (userPrincipalName or id) or groups (display name or id): a member group's "
                    + "members inherit the group's licenses."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot group members list Sales-E3 --transitive",
            "  allot group members add Sales-E3 ada@contoso.com alan@contoso.com",
            "  allot group members remove Sales-E3 \"Sales EMEA\""
        })
final class GroupMembers {
    private final Context context;

    GroupMembers(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the members of a group.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot group members list Sales-E3", "  allot group members list Sales-E3 --transitive -o csv"})
    void list(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Option(names = "--transitive", description = "Also the members of member groups.") boolean transitive) {
        GroupResource g = context.directory().group(group, "id");
        MemberChanges.list(context, Query.path("/v1.0/groups", g.id(), transitive ? "transitiveMembers" : "members"));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds users or groups to a group; they get its licenses.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group members add Sales-E3 ada@contoso.com",
                "  allot group members add Sales-E3 \"Sales EMEA\" alan@contoso.com",
                "  allot group members add Sales-E3 contractor@contoso.com --end 2027-03-31"
            })
    int add(
            @Parameters(index = "0", paramLabel = "GROUP", description = "id or display name") String group,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER") List<String> members,
            @Mixin TimedGrants.Times times) {
        GroupResource g = context.directory().group(group, "id");
        if (times.given()) {
            TimedGrants timed = new TimedGrants(context);
            return MemberChanges.each(
                    context, members, id -> timed.addMember(context.api(), g.id(), id, times), "added for a time");
        }
        return MemberChanges.add(context, members, Query.path("/v1.0/groups", g.id(), "members"));
    }

    @Command(
            name = "timed",
            mixinStandardHelpOptions = true,
            description = {
                "Lists a group's time-bound members: scheduled ones (not members before their start) and active ones"
                        + " (who leave at their end)."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot group members timed Sales-E3")
    void timed(@Parameters(paramLabel = "GROUP", description = "id or display name") String group) {
        new TimedGrants(context).members(context.directory().group(group, "id").id());
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = {
                "Removes users or groups from a group; they keep its licenses only through another source.",
                "When users would lose a license the group gives them, asks first on a terminal; a script must give "
                        + "--confirm."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group members remove Sales-E3 ada@contoso.com --what-if",
                "  allot group members remove Sales-E3 ada@contoso.com \"Sales EMEA\" --confirm"
            })
    int remove(
            @Parameters(index = "0", paramLabel = "GROUP", description = "id or display name") String group,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "MEMBER") List<String> members,
            @Option(names = "--what-if", description = "Only show who would lose which license; change nothing.")
                    boolean whatIf,
            @Option(
                            names = "--confirm",
                            description = "Go ahead when users would lose a license, without asking (needed when"
                                    + " not on a terminal).")
                    boolean confirm) {
        GroupResource g = context.directory().group(group, Directory.GROUP_LICENSES);
        if (whatIf || (g.assignedLicenses() != null && !g.assignedLicenses().isEmpty())) {
            MemberLosses losses = new MemberLosses(context, g);
            for (String member : members) {
                try {
                    losses.add(member, MemberChanges.memberId(context, member));
                } catch (Failure | ApiError e) {
                    // named again below, where taking it out fails
                }
            }
            List<String> summary = losses.summary();
            if (whatIf) {
                summary.forEach(line -> context.warn(line + "."));
                if (summary.isEmpty()) {
                    context.note("No user would lose a license " + g.displayName() + " gives.");
                }
                context.printer().print(losses.table());
                return 0;
            }
            LossConfirmation.ask(context, summary, g.displayName(), confirm);
        }
        return MemberChanges.each(
                context,
                members,
                id -> context.api().delete(Query.path("/v1.0/groups", g.id(), "members", id, "$ref")),
                "removed");
    }
}
