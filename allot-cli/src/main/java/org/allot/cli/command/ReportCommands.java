package org.allot.cli.command;

import java.util.List;
import org.allot.api.Amounts;
import org.allot.api.extensions.CostLineResource;
import org.allot.api.extensions.CostTotal;
import org.allot.api.extensions.UsageSnapshotResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** Costs and reports: what the seats cost, who holds what through which group, each product's usage history. */
@Command(
        name = "report",
        aliases = "reports",
        mixinStandardHelpOptions = true,
        description = {
            "Costs per month by product, department or group (each seat charged once, to the source that has held it"
                    + " longest; amounts per currency, never converted), who holds what through which group, and"
                    + " each product's usage history from the daily snapshot."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot report costs --by department",
            "  allot report holders > license-holders.csv",
            "  allot report usage --sku SPE_E5 --from 2026-11-01"
        })
public final class ReportCommands {
    /** The largest page a list gives (Graph's 999). */
    static final int HOLDERS_PAGE = 999;

    private final Context context;

    ReportCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "costs",
            mixinStandardHelpOptions = true,
            description = {
                "What the seats cost per month, summed by product, department or group per currency, with the totals"
                        + " (--by line: every product, department and source).",
                "Seats nobody holds are '(seats nobody holds)'; seats without a price have no currency and no amount."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot report costs",
                "  allot report costs --by group -o csv > costs-by-group.csv",
                "  allot report costs --by line -o json"
            })
    void costs(
            @Option(
                            names = "--by",
                            paramLabel = "WHAT",
                            defaultValue = "sku",
                            description = "sku (default), department, group or line.")
                    String by) {
        JsonNode report = context.api().get(Query.of("/allot/v1/reports/costs").with("by", by.strip()));
        Table table;
        if ("line".equals(report.path("by").asString())) {
            table = Table.of(
                    "skuPartNumber",
                    "department",
                    "source",
                    "groupName",
                    "assignedByGroup",
                    "currency",
                    "seats",
                    "monthlyAmount");
            for (JsonNode node : report.path("value")) {
                CostLineResource l = Api.bind(node, CostLineResource.class);
                table.add(
                        l.skuPartNumber(),
                        l.department(),
                        l.source(),
                        l.groupName(),
                        l.assignedByGroup(),
                        l.currency(),
                        l.seats(),
                        Amounts.text(l.monthlyAmount()));
            }
        } else {
            table = Table.of("name", "id", "currency", "seats", "monthlyAmount");
            for (JsonNode node : report.path("value")) {
                total(table, Api.bind(node, CostTotal.class));
            }
            for (JsonNode node : report.path("totals")) {
                total(table, Api.bind(node, CostTotal.class));
            }
        }
        context.printer().print(table);
    }

    private static void total(Table table, CostTotal t) {
        table.add(t.name(), t.id(), t.currency(), t.seats(), Amounts.text(t.monthlyAmount()));
    }

    @Command(
            name = "holders",
            mixinStandardHelpOptions = true,
            description = {
                "Every license assignment: user, product, direct or group (with the group's name), state and since"
                        + " when; what Graph cannot list in one go.",
                "Written as CSV, the server's export (or, with -o json, one JSON object a line, page by page) as the"
                        + " server sends it, so a tenant of any size is never held in memory."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot report holders > license-holders.csv",
                "  allot report holders -o json | jq -c 'select(.source == \"group\")'"
            })
    void holders() {
        if (context.printer().format() != OutputFormat.JSON) {
            // the server's own export, written as it arrives: the same file the API and the admin center give
            context.api().download("/allot/v1/reports/licenseHolders.csv", "text/csv", context.out());
            context.out().flush();
            return;
        }
        context.api().pages(Query.of("/allot/v1/reports/licenseHolders").with("$top", HOLDERS_PAGE), page -> {
            for (JsonNode node : page.path("value")) {
                context.out().println(node.toString());
            }
            context.out().flush();
        });
    }

    @Command(
            name = "usage",
            mixinStandardHelpOptions = true,
            description = {
                "Each product's seats per day, from the daily snapshot: seats, assigned, available, waiting and"
                        + " reclaimable (what its reclaim policy listed; empty without one). The last 30 days unless"
                        + " --from and --to say."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot report usage",
                "  allot report usage --sku SPE_E5 --from 2026-01-01 --to 2026-12-31 -o csv > e5-usage.csv"
            })
    void usage(
            @Option(names = "--sku", paramLabel = "SKU", description = "Part number or GUID; all products if left out.")
                    String sku,
            @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD).") String from,
            @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD); default today (UTC).")
                    String to) {
        Table table = Table.of("date", "skuPartNumber", "seats", "assigned", "available", "waiting", "reclaimable");
        List<UsageSnapshotResource> snapshots = context.api()
                .list(
                        Query.of("/allot/v1/reports/usage")
                                .with("sku", sku)
                                .with("from", from)
                                .with("to", to),
                        UsageSnapshotResource.class);
        for (UsageSnapshotResource s : snapshots) {
            table.add(
                    s.date().toString(),
                    s.skuPartNumber(),
                    s.seats(),
                    s.assigned(),
                    s.available(),
                    s.waiting(),
                    s.reclaimable());
        }
        context.printer().print(table);
    }
}
