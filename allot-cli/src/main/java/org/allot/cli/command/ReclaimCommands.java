package org.allot.cli.command;

import java.math.BigDecimal;
import java.util.Map;
import org.allot.api.Amounts;
import org.allot.api.extensions.ReclaimReportResource;
import org.allot.api.extensions.ReclaimRunRequest;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reclaim of unused licenses: the report, applying it, the runs, and the policies. */
@Command(
        name = "reclaim",
        mixinStandardHelpOptions = true,
        subcommands = ReclaimPolicyCommands.class,
        description = {
            "Lists the seats the reclaim policies find unused (who, which product, why, since when, the saving per"
                    + " month), and removes them.",
            "Applying removes direct licenses through the ordinary removal path: freed seats go to the waiting list"
                    + " at once. Group-derived seats are listed with their groups, for you to act on."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot reclaim policy set --sku ENTERPRISEPACK --inactive-days 90 --disabled-days 30",
            "  allot reclaim report",
            "  allot reclaim apply --sku ENTERPRISEPACK",
            "  allot reclaim runs"
        })
public final class ReclaimCommands {
    private final Context context;

    ReclaimCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "What the policies list now; nothing is kept or removed.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot reclaim report", "  allot reclaim report --sku ENTERPRISEPACK -o csv"})
    void report(@Option(names = "--sku", paramLabel = "SKU", description = "One product's policy only.") String sku) {
        Query query = Query.of("/allot/v1/reclaim/report");
        if (sku != null) {
            query = query.with("skuId", sku.strip());
        }
        print(context.api().get(query, ReclaimReportResource.class));
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Runs reclaim now: keeps the report, then removes the direct licenses it lists.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot reclaim apply", "  allot reclaim apply --sku ENTERPRISEPACK"})
    void apply(@Option(names = "--sku", paramLabel = "SKU", description = "One product's policy only.") String sku) {
        String skuId = sku == null ? null : sku.strip();
        print(context.api()
                .post("/allot/v1/reclaim/runs", new ReclaimRunRequest(skuId, true), ReclaimReportResource.class));
    }

    @Command(
            name = "runs",
            mixinStandardHelpOptions = true,
            description = "The latest runs, newest first.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot reclaim runs", "  allot reclaim runs -o json"})
    void runs() {
        Table table = Table.of("id", "ranDateTime", "actor", "applied", "seats", "removed", "monthlySavings");
        for (ReclaimReportResource r : context.api().list("/allot/v1/reclaim/runs", ReclaimReportResource.class)) {
            table.add(
                    r.id(),
                    r.ranDateTime(),
                    r.actor(),
                    r.applied(),
                    r.items().size(),
                    r.items().stream()
                            .filter(i -> "Removed".equals(i.outcome()))
                            .count(),
                    savings(r.monthlySavings()));
        }
        context.printer().print(table);
    }

    private void print(ReclaimReportResource r) {
        Item summary = Item.of()
                .put("id", r.id())
                .put("ranDateTime", r.ranDateTime())
                .put("applied", r.applied())
                .put("seats", r.items().size())
                .put("monthlySavings", savings(r.monthlySavings()));
        Table table = Table.of(
                "userPrincipalName",
                "skuPartNumber",
                "reason",
                "since",
                "action",
                "groups",
                "monthlySaving",
                "outcome");
        for (ReclaimReportResource.Item i : r.items()) {
            table.add(
                    i.userPrincipalName(),
                    i.skuPartNumber(),
                    i.reason(),
                    i.since(),
                    i.action(),
                    String.join("; ", i.groups()),
                    i.monthlySaving() == null ? null : Amounts.text(i.monthlySaving()) + " " + i.currency(),
                    i.message() == null ? i.outcome() : i.outcome() + ": " + i.message());
        }
        context.printer().print(summary, "items", table);
    }

    private static String savings(Map<String, BigDecimal> totals) {
        StringBuilder text = new StringBuilder();
        totals.forEach((currency, amount) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(Amounts.text(amount)).append(' ').append(currency);
        });
        return text.toString();
    }
}
