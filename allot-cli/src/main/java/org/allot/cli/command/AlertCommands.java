package org.allot.cli.command;

import org.allot.api.extensions.AlertResource;
import org.allot.api.extensions.AlertRulesResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Alerts (docs/alerts.md): the tenant's alerts, open ones first, and its alert rules. */
@Command(
        name = "alert",
        aliases = "alerts",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the tenant's alerts (few free seats, a long waiting list, a subscription about to end, expired "
                    + "or suspended), open ones first, and shows or changes the rules that raise them."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot alert list",
            "  allot alert list --open -o json",
            "  allot alert rules --free-seats-below 5 --expiring-within-days 45"
        })
public final class AlertCommands {
    static final String PATH = "/allot/v1/alerts";
    static final String RULES = "/allot/v1/settings/alerts";
    private static final int MAX_TOP = 500;

    private final Context context;

    AlertCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists alerts, open ones first, then newest first: kind, status (open, resolved), product, what "
                        + "happened in plain words and the next step, when raised and resolved."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot alert list", "  allot alert list --open", "  allot alert list -o csv > alerts.csv"})
    void list(
            @Option(names = "--open", description = "Only open alerts.") boolean open,
            @Option(
                            names = "--top",
                            paramLabel = "N",
                            defaultValue = "100",
                            description = "How many alerts at most, 1 to 500 (default 100).")
                    int top) {
        if (top < 1 || top > MAX_TOP) {
            throw Failure.usage("--top must be between 1 and " + MAX_TOP + ".");
        }
        Query query = Query.of(PATH).with("$top", top);
        if (open) {
            query = query.with("$filter", "status eq 'open'");
        }
        Table table = Table.of(
                "id",
                "kind",
                "status",
                "skuId",
                "productName",
                "subscriptionId",
                "figure",
                "threshold",
                "dueDateTime",
                "raisedDateTime",
                "resolvedDateTime",
                "summary",
                "nextStep");
        for (AlertResource a : context.api().list(query, AlertResource.class, top)) {
            table.add(
                    a.id(),
                    a.kind(),
                    a.status(),
                    a.skuId(),
                    a.productName(),
                    a.subscriptionId(),
                    a.figure(),
                    a.threshold(),
                    a.dueDateTime(),
                    a.raisedDateTime(),
                    a.resolvedDateTime(),
                    a.summary(),
                    a.nextStep());
        }
        context.printer().print(table);
    }

    @Command(
            name = "rules",
            mixinStandardHelpOptions = true,
            description = {
                "Shows or changes the alert rules; a threshold of 0 turns its alert off. Defaults: subscriptions "
                        + "ending within 30 days and lapsed ones are alerted, free seats and waiting lists are not."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot alert rules",
                "  allot alert rules --free-seats-below 5 --waiting-at-least 10",
                "  allot alert rules --lapsed false"
            })
    void rules(
            @Option(names = "--expiring-within-days", paramLabel = "N", description = "Days ahead, 0 to 3650.")
                    Integer days,
            @Option(names = "--lapsed", paramLabel = "true|false", description = "Expired and suspended subscriptions.")
                    Boolean lapsed,
            @Option(names = "--free-seats-below", paramLabel = "N", description = "Free seats fewer than N.")
                    Integer freeSeats,
            @Option(names = "--waiting-at-least", paramLabel = "N", description = "At least N users waiting.")
                    Integer waiting) {
        AlertRulesResource rules = days == null && lapsed == null && freeSeats == null && waiting == null
                ? context.api().get(RULES, AlertRulesResource.class)
                : context.api()
                        .patch(
                                RULES,
                                new AlertRulesResource(days, lapsed, freeSeats, waiting),
                                AlertRulesResource.class);
        context.printer()
                .print(Item.of()
                        .put("expiringWithinDays", rules.expiringWithinDays())
                        .put("lapsed", rules.lapsed())
                        .put("freeSeatsBelow", rules.freeSeatsBelow())
                        .put("waitingAtLeast", rules.waitingAtLeast()));
    }
}
