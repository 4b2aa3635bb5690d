package org.allot.cli;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allot.api.graph.DirectoryAudit;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allot audit}: the directory audit log ({@code GET /v1.0/auditLogs/directoryAudits}) with its filters. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the audit log, newest first: every change, who made it and what it changed.",
            "The options combine (and) into the API's $filter: activityDisplayName, category, result,"
                    + " activityDateTime, correlationId, initiatedBy/app/appId, initiatedBy/user/id,"
                    + " targetResources/any(t:t/id eq '…'); --filter takes one as it is."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot audit --top 20",
            "  allot audit --activity \"Change user license\" --since 2026-12-01",
            "  allot audit --target 6f1c…  -o json",
            "  allot audit --app 3f2a… --result failure -o csv > failures.csv"
        })
final class AuditCommand implements Callable<Integer> {
    private static final String PATH = "/v1.0/auditLogs/directoryAudits";
    private final Context context;

    @Option(names = "--activity", paramLabel = "NAME", description = "The activity, e.g. \"Change user license\".")
    String activity;

    @Option(names = "--category", paramLabel = "C", description = "UserManagement, GroupManagement, …")
    String category;

    @Option(names = "--result", paramLabel = "R", description = "success or failure.")
    String result;

    @Option(names = "--since", paramLabel = "WHEN", description = "From this date (2026-12-01) or time (ISO 8601).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Before this date (the whole day) or time.")
    String until;

    @Option(names = "--app", paramLabel = "APPID", description = "Initiated by this app (its appId).")
    String app;

    @Option(names = "--user", paramLabel = "ID", description = "Initiated by this user (its id).")
    String user;

    @Option(names = "--target", paramLabel = "ID", description = "Changed this object (its id: user, group, app…).")
    String target;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Records of one request.")
    String correlationId;

    @Option(names = "--filter", paramLabel = "ODATA", description = "An OData $filter, as the API takes it.")
    String filter;

    @Option(names = "--top", paramLabel = "N", description = "At most N records (default 100).")
    int top = 100;

    AuditCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Query query = Query.of(PATH).with("$filter", filter()).with("$top", Math.min(top, 999));
        List<DirectoryAudit> records = context.directory().search(query, DirectoryAudit.class, top, true);
        Table table = Table.of(
                "activityDateTime", "activityDisplayName", "result", "initiatedBy", "targets", "category", "id");
        for (DirectoryAudit r : records) {
            List<String> targets = new ArrayList<>();
            if (r.targetResources() != null) {
                r.targetResources().forEach(t -> targets.add(t.displayName() != null ? t.displayName() : t.id()));
            }
            table.add(
                    r.activityDateTime() == null ? null : r.activityDateTime().toString(),
                    r.activityDisplayName(),
                    r.result(),
                    initiator(r.initiatedBy()),
                    targets,
                    r.category(),
                    r.id());
        }
        context.printer().print(table);
        return 0;
    }

    private static String initiator(DirectoryAudit.Initiator by) {
        if (by == null) {
            return null;
        }
        if (by.user() != null) {
            return by.user().userPrincipalName() != null
                    ? by.user().userPrincipalName()
                    : by.user().displayName();
        }
        return by.app() == null ? null : by.app().displayName();
    }

    String filter() {
        List<String> clauses = new ArrayList<>();
        add(clauses, "activityDisplayName eq ", activity);
        add(clauses, "category eq ", category);
        add(clauses, "result eq ", result);
        add(clauses, "correlationId eq ", correlationId);
        add(clauses, "initiatedBy/app/appId eq ", app);
        add(clauses, "initiatedBy/user/id eq ", user);
        if (target != null) {
            clauses.add("targetResources/any(t:t/id eq " + Query.literal(target.strip()) + ")");
        }
        if (since != null) {
            clauses.add("activityDateTime ge " + time(since, "--since", false));
        }
        if (until != null) {
            clauses.add("activityDateTime lt " + time(until, "--until", true));
        }
        if (filter != null && !filter.isBlank()) {
            clauses.add(clauses.isEmpty() ? filter.strip() : "(" + filter.strip() + ")");
        }
        return clauses.isEmpty() ? null : String.join(" and ", clauses);
    }

    private static void add(List<String> clauses, String clause, String value) {
        if (value != null) {
            clauses.add(clause + Query.literal(value.strip()));
        }
    }

    /** A date (its start, or for --until the next day's) or an ISO 8601 time with its offset, in UTC. */
    private static String time(String value, String option, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay()
                        .atOffset(ZoneOffset.UTC)
                        .toInstant()
                        .toString();
            }
            return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw Failure.usage(
                    option + " takes a date (2026-12-01) or a time (2026-12-01T08:00:00Z), not '" + value + "'.");
        }
    }
}
