package org.allot.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.LicenseAssignmentState;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Groups: list, show, create, delete, the state of applying their licenses, and members in error. */
@Command(
        name = "group",
        aliases = "groups",
        mixinStandardHelpOptions = true,
        description = {
            "Lists and shows groups, their members and licenses.",
            "A group is named by its id or, when no other group has it, its display name."
        },
        subcommands = {GroupMembers.class, GroupLicense.class, GroupRule.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot group list --licensed",
            "  allot group license add Sales-E3 --sku SPE_E5 --wait",
            "  allot group errors Engineering-E5",
            "  allot group create --name \"Sales people\" --rule 'user.department -eq \"Sales\"'"
        })
public final class GroupCommands {
    private static final List<String> COLUMNS =
            List.of("id", "displayName", "licenses", "licenseProcessingState", "description");

    private final Context context;

    GroupCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists groups by display name; the filters combine (and).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group list",
                "  allot group list --errors",
                "  allot group list --filter \"startsWith(displayName,'Sales')\"",
                "  allot group list --fields displayName,description,membershipRule"
            })
    void list(
            @Option(names = "--licensed", description = "Groups that assign licenses.") boolean licensed,
            @Option(names = "--errors", description = "Groups with members whose license is in error.") boolean errors,
            @Option(names = "--filter", paramLabel = "ODATA", description = "An OData $filter, as Graph takes it.")
                    String filter,
            @Option(names = "--top", paramLabel = "N", description = "At most N groups.") int top) {
        List<String> clauses = new ArrayList<>();
        if (licensed) {
            clauses.add("assignedLicenses/any()");
        }
        if (errors) {
            clauses.add("hasMembersWithLicenseErrors eq true");
        }
        if (filter != null && !filter.isBlank()) {
            clauses.add("(" + filter.strip() + ")");
        }
        List<String> extra = ResourceFields.GROUPS.beyond(context.fields(), COLUMNS);
        Query query = Query.of("/v1.0/groups")
                .with("$filter", clauses.isEmpty() ? null : String.join(" and ", clauses))
                .with("$select", ResourceFields.select(Directory.GROUP_LICENSES, extra))
                .with("$orderby", "displayName")
                .with("$top", 999);
        List<GroupResource> groups = context.directory().search(query, GroupResource.class, top, filter != null);
        Products products = context.directory().products();
        Table table = Table.of(COLUMNS.toArray(String[]::new));
        for (GroupResource g : groups) {
            table.add(
                    g.id(), g.displayName(), Licenses.names(g.assignedLicenses(), products), state(g), g.description());
        }
        context.printer().print(ResourceFields.with(table, groups, extra));
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a group: its licenses, how applying them stands, and how many members are in error.",
            footerHeading = "%nExamples:%n",
            footer = "  allot group show Sales-E3")
    void show(@Parameters(paramLabel = "GROUP", description = "id or display name") String group) {
        GroupResource g = context.directory()
                .group(
                        group,
                        "id,displayName,description,groupTypes,membershipRule,securityEnabled,onPremisesSyncEnabled,"
                                + "assignedLicenses,licenseProcessingState,licensePriority,createdDateTime");
        context.printer()
                .print(Item.of()
                        .put("id", g.id())
                        .put("displayName", g.displayName())
                        .put("description", g.description())
                        .put("groupTypes", g.groupTypes())
                        .put("membershipRule", g.membershipRule())
                        .put("securityEnabled", g.securityEnabled())
                        .put("synced", Boolean.TRUE.equals(g.onPremisesSyncEnabled()))
                        .put("createdDateTime", g.createdDateTime())
                        .put(
                                "licenses",
                                Licenses.names(
                                        g.assignedLicenses(),
                                        context.directory().products()))
                        .put("licensePriority", g.licensePriority())
                        .put("licenseProcessingState", state(g))
                        .put("membersInError", GroupProcessing.membersInError(context.api(), g.id())));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a security group: assigned (members added by hand), or dynamic with --rule (members are the "
                        + "users the rule selects; preview it first with 'allot group rule preview')."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group create --name \"Design-E3\" --description \"Office for the design team\"",
                "  allot group create --name \"Sales people\" --rule 'user.department -eq \"Sales\"'"
            })
    void create(
            @Option(names = "--name", required = true, paramLabel = "NAME", description = "The display name.")
                    String name,
            @Option(names = "--description", paramLabel = "TEXT", description = "What the group is for.")
                    String description,
            @Option(
                            names = "--rule",
                            paramLabel = "RULE",
                            description = "A membership rule in Entra's syntax: makes the group dynamic.")
                    String rule,
            @Option(names = "--paused", description = "Create the dynamic group with its rule paused.")
                    boolean paused) {
        if (paused && rule == null) {
            throw Failure.usage("--paused needs --rule: only dynamic groups have a rule to pause.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name.strip());
        body.put("description", description);
        body.put("securityEnabled", true);
        body.put("mailEnabled", false);
        if (rule != null) {
            body.put("groupTypes", List.of("DynamicMembership"));
            body.put("membershipRule", rule);
            body.put("membershipRuleProcessingState", paused ? "Paused" : "On");
        }
        GroupResource created = context.api().post("/v1.0/groups", body, GroupResource.class);
        show(created.id());
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Deletes a group; one that still assigns licenses is refused (remove them first).",
            footerHeading = "%nExamples:%n",
            footer = "  allot group delete Design-E3")
    void delete(@Parameters(paramLabel = "GROUP", description = "id or display name") String group) {
        GroupResource g = context.directory().group(group, "id,displayName");
        context.api().delete(Query.path("/v1.0/groups", g.id()));
        context.printer()
                .print(Item.of()
                        .put("id", g.id())
                        .put("displayName", g.displayName())
                        .put("state", "deleted"));
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "Shows how applying a group's licenses to its members stands (QueuedForProcessing, "
                        + "ProcessingInProgress, ProcessingComplete); --wait waits, with a progress indicator, until "
                        + "complete."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot group status Sales-E3", "  allot group status Sales-E3 --wait --timeout 10m"})
    void status(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Option(names = "--wait", description = "Wait until ProcessingComplete.") boolean wait,
            @Option(
                            names = "--timeout",
                            paramLabel = "DURATION",
                            defaultValue = "30m",
                            description =
                                    "How long" + " --wait waits at most, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
                    String timeout,
            @Option(
                            names = "--progress",
                            negatable = true,
                            description = "Show the progress indicator (default:" + " on a terminal).")
                    Boolean progress) {
        GroupResource g = context.directory().group(group, Directory.GROUP_LICENSES);
        GroupProcessing processing = new GroupProcessing(context);
        if (wait) {
            g = processing.await(g, GroupProcessing.duration(timeout), progress);
        }
        context.printer().print(processing.status(g));
    }

    @Command(
            name = "errors",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the members whose license from this group is in error: waiting for a seat "
                        + "(CountViolation, with the time they joined the waiting list) or refused by a rule, and why."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot group errors Engineering-E5", "  allot group errors Engineering-E5 -o csv"})
    void errors(@Parameters(paramLabel = "GROUP", description = "id or display name") String group) {
        GroupResource g = context.directory().group(group, "id,displayName");
        List<UserResource> members = context.api()
                .list(
                        Query.of(Query.path("/v1.0/groups", g.id(), "membersWithLicenseErrors"))
                                .with("$select", Directory.USER_LICENSES)
                                .with("$top", 999),
                        UserResource.class);
        Products products = context.directory().products();
        Table table = Table.of("userPrincipalName", "displayName", "skuPartNumber", "error", "waitingSince", "reason");
        for (UserResource u : members) {
            for (LicenseAssignmentState s : u.licenseAssignmentStates()) {
                if (g.id().equalsIgnoreCase(s.assignedByGroup()) && Licenses.inError(s)) {
                    table.add(
                            u.userPrincipalName(),
                            u.displayName(),
                            products.partNumber(s.skuId()),
                            s.error(),
                            "CountViolation".equals(s.error()) ? s.requestedDateTime() : null,
                            s.reason());
                }
            }
        }
        context.printer().print(table);
    }

    static String state(GroupResource group) {
        return group.licenseProcessingState() == null
                ? null
                : group.licenseProcessingState().state();
    }
}
