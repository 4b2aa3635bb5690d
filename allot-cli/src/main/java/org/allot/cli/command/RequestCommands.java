package org.allot.cli.command;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.allot.api.extensions.LicenseRequestDecision;
import org.allot.api.extensions.LicenseRequestFiling;
import org.allot.api.extensions.LicenseRequestResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** License requests (docs/delegation.md#license-requests): list, show, file, approve, deny, cancel. */
@Command(
        name = "request",
        aliases = "requests",
        mixinStandardHelpOptions = true,
        description = {
            "License requests: filed for a user by an app or an administrator, approved (directly or through a "
                    + "group, waiting for a seat when none is free), denied with a reason, cancelled by whoever filed them, "
                    + "or left to expire."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot request list --status pending",
            "  allot request file ada@contoso.com --sku ENTERPRISEPACK --justification \"Joins sales\"",
            "  allot request approve 5b0e… --group 3f2a…",
            "  allot request deny 5b0e… --reason \"Use the shared mailbox\""
        })
public final class RequestCommands {
    static final String PATH = "/allot/v1/licenseRequests";
    private static final int MAX_TOP = 500;

    private final Context context;

    RequestCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists requests, pending ones first (oldest first), then the others newest first.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot request list", "  allot request list --status pending --user ada@contoso.com -o json"})
    void list(
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            description = "pending, approved, denied, expired or cancelled.")
                    String status,
            @Option(names = "--user", paramLabel = "USER", description = "Only this user's (id or principal name).")
                    String user,
            @Option(
                            names = "--top",
                            paramLabel = "N",
                            defaultValue = "100",
                            description = "How many requests at most, 1 to 500 (default 100).")
                    int top) {
        if (top < 1 || top > MAX_TOP) {
            throw Failure.usage("--top must be between 1 and " + MAX_TOP + ".");
        }
        Query query = Query.of(PATH).with("$top", top);
        if (status != null) {
            query = query.with("$filter", "status eq '" + status.strip().toLowerCase(Locale.ROOT) + "'");
        }
        if (user != null) {
            query = query.with("userId", user);
        }
        Table table = Table.of(
                "id",
                "status",
                "grantStatus",
                "userPrincipalName",
                "productName",
                "justification",
                "filedBy",
                "filedDateTime",
                "decidedBy",
                "summary");
        for (LicenseRequestResource r : context.api().list(query, LicenseRequestResource.class, top)) {
            table.add(
                    r.id(),
                    r.status(),
                    r.grantStatus(),
                    r.userPrincipalName(),
                    r.productName(),
                    r.justification(),
                    name(r.filedBy()),
                    r.filedDateTime(),
                    name(r.decidedBy()),
                    r.summary());
        }
        context.printer().print(table);
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows one request.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot request show 2f1c…", "  allot request show 2f1c… -o json"})
    void show(@Parameters(paramLabel = "ID", description = "The request's id.") String id) {
        print(context.api().get(PATH + "/" + id, LicenseRequestResource.class));
    }

    @Command(
            name = "file",
            mixinStandardHelpOptions = true,
            description = "Files a request for a user: a product, optionally some of its plans, why, and when.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot request file ada@contoso.com --sku ENTERPRISEPACK --justification \"Joins the sales team\"",
                "  allot request file ada@contoso.com --sku EMS --justification Contract --end 2027-03-31T00:00:00Z"
            })
    void file(
            @Parameters(paramLabel = "USER", description = "The user's id or principal name.") String user,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "SKU id or part number.")
                    String sku,
            @Option(names = "--plan", paramLabel = "PLAN_ID", description = "A plan wanted (repeat); none: all.")
                    List<String> plans,
            @Option(names = "--justification", required = true, paramLabel = "TEXT", description = "Why.")
                    String justification,
            @Option(names = "--start", paramLabel = "DATE_TIME", description = "Wanted from (ISO 8601).") String start,
            @Option(names = "--end", paramLabel = "DATE_TIME", description = "Wanted until (ISO 8601).") String end) {
        print(context.api()
                .post(
                        PATH,
                        new LicenseRequestFiling(
                                user, sku, plans, justification, time(start, "--start"), time(end, "--end")),
                        LicenseRequestResource.class));
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = {
                "Approves a pending request: directly (default) or through a group that assigns the product; some "
                        + "of the plans asked for, a later start or an earlier end grant less. With no seat free the user "
                        + "waits for one."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot request approve 2f1c…",
                "  allot request approve 2f1c… --group 7d2e… --end 2027-03-31T00:00:00Z"
            })
    void approve(
            @Parameters(paramLabel = "ID", description = "The request's id.") String id,
            @Option(names = "--group", paramLabel = "GROUP_ID", description = "Grant through this group.") String group,
            @Option(names = "--plan", paramLabel = "PLAN_ID", description = "A plan granted (repeat).")
                    List<String> plans,
            @Option(names = "--start", paramLabel = "DATE_TIME", description = "Granted from (ISO 8601).") String start,
            @Option(names = "--end", paramLabel = "DATE_TIME", description = "Granted until (ISO 8601).") String end,
            @Option(names = "--for-manager", description = "Decide on behalf of the user's manager.")
                    boolean forManager) {
        print(context.api()
                .post(
                        PATH + "/" + id + "/approve",
                        new LicenseRequestDecision(
                                group,
                                plans,
                                time(start, "--start"),
                                time(end, "--end"),
                                forManager ? "manager" : null,
                                null),
                        LicenseRequestResource.class));
    }

    @Command(
            name = "deny",
            mixinStandardHelpOptions = true,
            description = "Denies a pending request, with a reason.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot request deny 2f1c… --reason \"No budget this quarter\""})
    void deny(
            @Parameters(paramLabel = "ID", description = "The request's id.") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.") String reason,
            @Option(names = "--for-manager", description = "Decide on behalf of the user's manager.")
                    boolean forManager) {
        print(context.api()
                .post(
                        PATH + "/" + id + "/deny",
                        new LicenseRequestDecision(null, null, null, null, forManager ? "manager" : null, reason),
                        LicenseRequestResource.class));
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancels a request you filed.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot request cancel 2f1c… --reason \"Filed twice\""})
    void cancel(
            @Parameters(paramLabel = "ID", description = "The request's id.") String id,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Why (optional).") String reason) {
        print(context.api()
                .post(
                        PATH + "/" + id + "/cancel",
                        new LicenseRequestDecision(null, null, null, null, null, reason),
                        LicenseRequestResource.class));
    }

    private void print(LicenseRequestResource r) {
        context.printer()
                .print(Item.of()
                        .put("id", r.id())
                        .put("status", r.status())
                        .put("grantStatus", r.grantStatus())
                        .put("summary", r.summary())
                        .put("userId", r.userId())
                        .put("userPrincipalName", r.userPrincipalName())
                        .put("skuId", r.skuId())
                        .put("productName", r.productName())
                        .put("servicePlanIds", r.servicePlanIds() == null ? List.of() : r.servicePlanIds())
                        .put("justification", r.justification())
                        .put("startDateTime", r.startDateTime())
                        .put("endDateTime", r.endDateTime())
                        .put("managerId", r.managerId())
                        .put("filedBy", name(r.filedBy()))
                        .put("filedDateTime", r.filedDateTime())
                        .put("decidedBy", name(r.decidedBy()))
                        .put("decidedDateTime", r.decidedDateTime())
                        .put("onBehalfOf", r.onBehalfOf())
                        .put("reason", r.reason())
                        .put("grantedThrough", r.grantedThrough())
                        .put("grantGroupId", r.grantGroupId())
                        .put("grantEndDateTime", r.grantEndDateTime()));
    }

    private static String name(LicenseRequestResource.Identity who) {
        return who == null ? null : who.displayName();
    }

    private static OffsetDateTime time(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Failure.usage(option + " takes a date and time such as 2027-01-31T00:00:00Z; '" + text + "' is not.");
        }
    }
}
