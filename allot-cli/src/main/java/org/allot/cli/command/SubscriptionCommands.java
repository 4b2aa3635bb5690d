package org.allot.cli.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.allot.api.extensions.LifecycleSettingsResource;
import org.allot.api.extensions.SubscriptionRequest;
import org.allot.api.extensions.SubscriptionResource;
import org.allot.api.extensions.SubscriptionUpdate;
import org.allot.api.graph.CompanySubscription;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** Subscriptions: list, add (buy seats), and change seats or status. */
@Command(
        name = "subscription",
        aliases = "subscriptions",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, shows and adds subscriptions with their terms, and changes their seats, status or terms.",
            "Added seats go to the waiting list at once."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot subscription list",
            "  allot subscription add --sku SPE_E5 --seats 5",
            "  allot subscription update 2b1f… --seats 30"
        })
public final class SubscriptionCommands {
    private final Context context;

    SubscriptionCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the tenant's subscriptions.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot subscription list", "  allot subscription list -o csv > subscriptions.csv"})
    void list() {
        Table table = Table.of(
                "id",
                "skuPartNumber",
                "status",
                "totalLicenses",
                "isTrial",
                "endDateTime",
                "autoRenew",
                "unitPrice",
                "currency",
                "nextLifecycleDateTime");
        for (SubscriptionResource s : context.api().list("/allot/v1/subscriptions", SubscriptionResource.class)) {
            table.add(
                    s.id(),
                    s.skuPartNumber(),
                    s.status(),
                    s.totalLicenses(),
                    s.isTrial(),
                    s.endDateTime(),
                    s.autoRenew(),
                    s.unitPrice() == null ? null : s.unitPrice().toPlainString(),
                    s.currency(),
                    s.nextLifecycleDateTime());
        }
        context.printer().print(table);
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a subscription: its seats, status, terms and next lifecycle date.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot subscription show 2b1f…", "  allot subscription show SPE_E5"})
    void show(
            @Parameters(
                            paramLabel = "SUBSCRIPTION",
                            description = "the subscription's id, or its product's part number when the tenant has"
                                    + " one subscription of it")
                    String id) {
        String subscription = subscriptionId(id.strip());
        try {
            context.printer()
                    .print(item(context.api()
                            .get(Query.path("/allot/v1/subscriptions", subscription), SubscriptionResource.class)));
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No subscription '" + id + "'.") : e;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds a subscription: seats of a product (Global Administrator).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot subscription add --sku SPE_E5 --seats 5",
                "  allot subscription add --sku EMS --seats 25 --trial --end 2027-01-31",
                "  allot subscription add --sku SPE_E5 --seats 50 --end 2027-12-31T00:00:00Z --auto-renew"
                        + " --price 57.00 --currency EUR"
            })
    void add(
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku,
            @Option(names = "--seats", required = true, paramLabel = "N", description = "How many seats.") int seats,
            @Option(names = "--trial", description = "A trial subscription.") boolean trial,
            @Option(names = "--status", paramLabel = "STATUS", description = "Enabled (default), Warning, Suspended.")
                    String status,
            @Option(names = "--start", paramLabel = "DATE", description = "When it starts (default: now).")
                    String start,
            @Option(
                            names = "--end",
                            paramLabel = "DATE",
                            description = "When its term ends: then Warning 30 days, Suspended 90, Deleted.")
                    String end,
            @Option(names = "--auto-renew", description = "It renews by itself: it never expires.") boolean autoRenew,
            @Option(names = "--price", paramLabel = "AMOUNT", description = "Monthly price of one seat.")
                    BigDecimal price,
            @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the price (EUR, USD).")
                    String currency) {
        if (seats < 1) {
            throw Failure.usage("--seats must be at least 1.");
        }
        String skuId = context.directory().products().find(sku).skuId().toString();
        SubscriptionResource created = context.api()
                .post(
                        "/allot/v1/subscriptions",
                        new SubscriptionRequest(
                                skuId,
                                null,
                                seats,
                                status,
                                trial ? Boolean.TRUE : null,
                                null,
                                Dates.parse("--start", start),
                                Dates.parse("--end", end),
                                autoRenew ? Boolean.TRUE : null,
                                price,
                                currency == null ? null : currency.toUpperCase(Locale.ROOT)),
                        SubscriptionResource.class);
        context.printer().print(item(created));
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = {
                "Changes a subscription's seats, status or terms.",
                "Lowering seats below what is assigned shows an overage at once; once the tenant's grace period "
                        + "(30 days by default) has passed, group-derived seats are taken back (allot product "
                        + "overage SKU shows who, before it happens); direct assignments then stay. Deleting a "
                        + "subscription frees the seats beyond what is left at once, direct ones included."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot subscription update 2b1f… --seats 30",
                "  allot subscription update ENTERPRISEPACK --seats 30",
                "  allot subscription update 2b1f… --status Warning",
                "  allot subscription update 2b1f… --end 2028-01-31 (renews it)",
                "  allot subscription update 2b1f… --no-end (it never expires)"
            })
    void update(
            @Parameters(
                            paramLabel = "SUBSCRIPTION",
                            description = "the subscription's id (allot subscription list), or its product's part"
                                    + " number when the tenant has one subscription of it")
                    String id,
            @Option(names = "--seats", paramLabel = "N", description = "The new number of seats.") Integer seats,
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            description = "Enabled, Warning, Suspended, LockedOut or Deleted.")
                    String status,
            @Option(names = "--end", paramLabel = "DATE", description = "A new end of term (renews it).") String end,
            @Option(names = "--no-end", description = "Removes the end of term: it never expires.") boolean noEnd,
            @Option(
                            names = "--auto-renew",
                            arity = "1",
                            paramLabel = "true|false",
                            description = "Whether it renews by itself.")
                    Boolean autoRenew,
            @Option(names = "--price", paramLabel = "AMOUNT", description = "Monthly price of one seat.")
                    BigDecimal price,
            @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the price.")
                    String currency) {
        if (seats == null
                && status == null
                && end == null
                && !noEnd
                && autoRenew == null
                && price == null
                && currency == null) {
            throw Failure.usage("Give --seats, --status, --end, --no-end, --auto-renew, or --price with --currency.");
        }
        if (noEnd && end != null) {
            throw Failure.usage("Give --end or --no-end, not both.");
        }
        String subscription = subscriptionId(id.strip());
        try {
            ObjectNode body = Api.json()
                    .valueToTree(new SubscriptionUpdate(
                            seats,
                            status,
                            Dates.parse("--end", end),
                            autoRenew,
                            price,
                            currency == null ? null : currency.toUpperCase(Locale.ROOT)));
            if (noEnd) {
                body.putNull("endDateTime");
            }
            SubscriptionResource changed = context.api()
                    .patch(Query.path("/allot/v1/subscriptions", subscription), body, SubscriptionResource.class);
            context.printer().print(item(changed));
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No subscription '" + id + "'.") : e;
        }
    }

    @Command(
            name = "periods",
            mixinStandardHelpOptions = true,
            description = {
                "Shows or changes the tenant's lifecycle periods, in days: Warning after the end of term (30), "
                        + "Suspended after Warning (90), and the overage grace period after seats are lowered below "
                        + "use (30), after which group-derived seats are taken back."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot subscription periods", "  allot subscription periods --overage-grace-days 60"})
    void periods(
            @Option(names = "--warning-days", paramLabel = "N", description = "Days in Warning.") Integer warning,
            @Option(names = "--suspended-days", paramLabel = "N", description = "Days in Suspended.") Integer suspended,
            @Option(names = "--overage-grace-days", paramLabel = "N", description = "Days of overage grace.")
                    Integer grace) {
        LifecycleSettingsResource periods = warning == null && suspended == null && grace == null
                ? context.api().get(PERIODS, LifecycleSettingsResource.class)
                : context.api()
                        .patch(
                                PERIODS,
                                new LifecycleSettingsResource(warning, suspended, grace),
                                LifecycleSettingsResource.class);
        context.printer()
                .print(Item.of()
                        .put("warningDays", periods.warningDays())
                        .put("suspendedDays", periods.suspendedDays())
                        .put("overageGraceDays", periods.overageGraceDays()));
    }

    private static final String PERIODS = "/allot/v1/settings/lifecycle";

    /** A subscription id as given, or the one subscription of the product a part number (or its word) names. */
    private String subscriptionId(String name) {
        if (Directory.isGuid(name)) {
            return name;
        }
        String partNumber = context.directory().products().find(name).partNumber();
        List<CompanySubscription> of =
                context.api().list("/v1.0/directory/subscriptions", CompanySubscription.class).stream()
                        .filter(s -> partNumber.equalsIgnoreCase(s.skuPartNumber()))
                        .filter(s -> !"Deleted".equalsIgnoreCase(s.status()))
                        .toList();
        if (of.isEmpty()) {
            throw Failure.notFound("No subscription of " + partNumber + ".");
        }
        if (of.size() > 1) {
            throw Failure.usage(partNumber + " has " + of.size() + " subscriptions: give one's id ("
                    + String.join(", ", of.stream().map(CompanySubscription::id).toList())
                    + "; allot subscription list).");
        }
        return of.get(0).id();
    }

    private static Item item(SubscriptionResource s) {
        return Item.of()
                .put("id", s.id())
                .put("skuPartNumber", s.skuPartNumber())
                .put("status", s.status())
                .put("totalLicenses", s.totalLicenses())
                .put("isTrial", s.isTrial())
                .put("createdDateTime", s.createdDateTime())
                .put("startDateTime", s.startDateTime())
                .put("endDateTime", s.endDateTime())
                .put("autoRenew", s.autoRenew())
                .put("unitPrice", s.unitPrice() == null ? null : s.unitPrice().toPlainString())
                .put("currency", s.currency())
                .put("nextLifecycleDateTime", s.nextLifecycleDateTime());
    }
}
