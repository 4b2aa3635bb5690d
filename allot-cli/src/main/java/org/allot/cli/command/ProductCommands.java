package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.LicensePendingRemoval;
import org.allot.api.extensions.OveragePreview;
import org.allot.api.extensions.ProductResource;
import org.allot.api.extensions.RemovalGraceResource;
import org.allot.api.extensions.RemovalGraceUpdate;
import org.allot.api.extensions.WaitingListEntry;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.cli.api.Api;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Item;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.output.Printer;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Products: the subscribed ones with their seats, the catalogue, a product's plans, and its waiting list. */
@Command(
        name = "product",
        aliases = {"products", "sku", "skus"},
        mixinStandardHelpOptions = true,
        description = "Shows products: seats of the subscribed ones, the catalogue, plans and waiting lists.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot product list",
            "  allot product catalog --search E5",
            "  allot product plans ENTERPRISEPACK",
            "  allot product waiting SPE_E5",
            "  allot product overage ENTERPRISEPACK",
            "  allot product grace ENTERPRISEPACK --days 30"
        })
public final class ProductCommands {
    private final Context context;

    ProductCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the subscribed products with their seats: total (enabled and warning subscriptions), "
                        + "assigned, available for new assignments, and waiting (users in the waiting list)."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot product list", "  allot product list -o json | jq '.[] | select(.waiting > 0)'"})
    void list() {
        Table table =
                Table.of("skuPartNumber", "skuId", "status", "total", "assigned", "available", "waiting", "overage");
        // read as trees: binding records would build the object mapper, a third of the command's start-up
        for (JsonNode s : context.api().list("/v1.0/subscribedSkus", JsonNode.class)) {
            Seats seats = Seats.of(s);
            table.add(
                    s.path("skuPartNumber").asString(null),
                    s.path("skuId").asString(null),
                    s.path("capabilityStatus").asString(null),
                    seats.total(),
                    seats.assigned(),
                    seats.available(),
                    seats.waiting(),
                    seats.overage());
        }
        context.printer().print(table);
    }

    /** The seat figures of a subscribed product, as the admin center shows them. */
    record Seats(int total, int assigned, int available, int waiting, int overage) {
        static Seats of(JsonNode sku) {
            JsonNode units = sku.path("prepaidUnits");
            int enabled = units.path("enabled").asInt(0);
            int warning = units.path("warning").asInt(0);
            int consumed = sku.path("consumedUnits").asInt(0);
            return new Seats(
                    enabled + warning,
                    consumed,
                    Math.max(0, enabled - consumed),
                    sku.path("waitingUnits").asInt(0),
                    Math.max(0, consumed - enabled - warning));
        }
    }

    @Command(
            name = "catalog",
            aliases = "catalogue",
            mixinStandardHelpOptions = true,
            description = "Lists the product catalogue (built-in and custom products), subscribed or not.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot product catalog --search \"E5\"", "  allot product catalog --custom"})
    void catalog(
            @Option(names = "--search", paramLabel = "TEXT", description = "Part number or name containing TEXT.")
                    String search,
            @Option(names = "--custom", description = "Only custom products.") boolean custom) {
        Table table = Table.of("skuPartNumber", "skuId", "displayName", "appliesTo", "plans", "custom");
        for (ProductResource p : context.api()
                .list(
                        Query.of("/allot/v1/products").with("search", search).with("custom", custom ? "true" : null),
                        ProductResource.class)) {
            table.add(
                    p.skuPartNumber(),
                    p.skuId(),
                    p.displayName(),
                    p.appliesTo(),
                    p.servicePlans() == null ? 0 : p.servicePlans().size(),
                    p.custom());
        }
        context.printer().print(table);
    }

    @Command(
            name = "plans",
            mixinStandardHelpOptions = true,
            description = "Lists the service plans of a product: the names --disable-plan takes.",
            footerHeading = "%nExamples:%n",
            footer = "  allot product plans ENTERPRISEPACK")
    void plans(@Parameters(paramLabel = "SKU", description = "part number or GUID") String sku) {
        Products.Sku found = context.directory().products().find(sku);
        Table table = Table.of("servicePlanName", "servicePlanId", "appliesTo");
        for (ServicePlanInfo p : found.plans()) {
            table.add(p.servicePlanName(), p.servicePlanId(), p.appliesTo());
        }
        context.printer().print(table);
    }

    @Command(
            name = "waiting",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the users waiting for a seat of a product, in the order they will be served when seats "
                        + "free up or are added."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot product waiting SPE_E5")
    void waiting(
            @Parameters(paramLabel = "SKU", description = "part number or GUID") String sku,
            @Option(names = "--top", paramLabel = "N", description = "At most N users (default: all).") int top) {
        Products.Sku found = context.directory().products().find(sku);
        Table table =
                Table.of("position", "userPrincipalName", "displayName", "requestedDateTime", "group", "priority");
        int skip = 0;
        while (true) {
            JsonNode page = context.api()
                    .get(Query.of(Query.path(
                                    "/allot/v1/subscribedSkus", found.skuId().toString(), "waitingList"))
                            .with("$top", 999)
                            .with("$skip", skip));
            List<WaitingListEntry> entries = new ArrayList<>();
            page.path("value").forEach(v -> entries.add(Api.json().treeToValue(v, WaitingListEntry.class)));
            for (WaitingListEntry e : entries) {
                if (top > 0 && table.rows().size() >= top) {
                    break;
                }
                table.add(
                        e.position(),
                        e.userPrincipalName(),
                        e.displayName(),
                        e.requestedDateTime(),
                        e.assignedByGroup() == null
                                ? "Direct"
                                : context.directory().groupName(e.assignedByGroup()),
                        e.priority());
            }
            skip += entries.size();
            if (entries.size() < 999 || (top > 0 && table.rows().size() >= top)) {
                break;
            }
        }
        context.printer().print(table);
    }

    @Command(
            name = "overage",
            mixinStandardHelpOptions = true,
            description = {
                "Shows a product's overage and, before it happens, who loses a seat when its grace period ends: "
                        + "group-derived seats only, lowest group priority first, then the most recently granted. "
                        + "The end of the grace period never takes back a direct assignment; what they hold beyond "
                        + "capacity stays shown. After a subscription was deleted (anySource), its holders beyond "
                        + "capacity are taken back at once, direct ones included (after the group-derived ones)."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot product overage ENTERPRISEPACK", "  allot product overage SPE_E5 -o json"})
    void overage(@Parameters(paramLabel = "SKU", description = "part number or GUID") String sku) {
        Products.Sku found = context.directory().products().find(sku);
        OveragePreview p = Api.json()
                .treeToValue(
                        context.api()
                                .get(Query.of(Query.path(
                                        "/allot/v1/subscribedSkus",
                                        found.skuId().toString(),
                                        "overage"))),
                        OveragePreview.class);
        Item item = Item.of()
                .put("skuPartNumber", p.skuPartNumber())
                .put("consumedUnits", p.consumedUnits())
                .put("capacityUnits", p.capacityUnits())
                .put("beyondCapacity", p.beyondCapacity())
                .put("overageUnits", p.overageUnits())
                .put("overageSinceDateTime", p.overageSinceDateTime())
                .put("graceEndDateTime", p.graceEndDateTime())
                .put("anySource", p.anySource())
                .put("leftForAdministrator", p.leftForAdministrator());
        Table table = Table.of("position", "userPrincipalName", "displayName", "rank", "grantedDateTime");
        for (OveragePreview.Entry e : p.takenBack()) {
            table.add(e.position(), e.userPrincipalName(), e.displayName(), e.rank(), e.grantedDateTime());
        }
        context.printer().print(item, "takenBack", table);
    }

    @Command(
            name = "grace",
            mixinStandardHelpOptions = true,
            description = {
                "Shows, or sets with --days, how many days a license removed from a user is held before its seat "
                        + "is freed (0: at once, the default), and lists the licenses pending removal.",
                "While held, the license stays assigned and its seat counted; re-assigning it, adding the user "
                        + "back to the group or 'allot license undo-removal' keeps it."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot product grace ENTERPRISEPACK", "  allot product grace ENTERPRISEPACK --days 30"})
    void grace(
            @Parameters(paramLabel = "SKU", description = "part number or GUID") String sku,
            @Option(
                            names = "--days",
                            paramLabel = "N",
                            description =
                                    "Hold removals N days (0: freed at once; the server refuses more than its most).")
                    Integer days) {
        Products.Sku found = context.directory().products().find(sku);
        String path = Query.path("/allot/v1/subscribedSkus", found.skuId().toString(), "removalGrace");
        RemovalGraceResource grace = days == null
                ? context.api().get(path, RemovalGraceResource.class)
                : context.api().patch(path, new RemovalGraceUpdate(days), RemovalGraceResource.class);
        context.note(grace.skuPartNumber() + ": removals held " + grace.removalGraceDays() + " days.");
        Table table = Table.of("userPrincipalName", "source", "pendingRemoval");
        for (LicensePendingRemoval p : grace.pendingRemovals()) {
            table.add(
                    p.userPrincipalName(),
                    p.assignedByGroup() == null ? "Direct" : context.directory().groupName(p.assignedByGroup()),
                    p.pendingRemovalDateTime());
        }
        Printer printer = context.printer();
        if (printer.format() == OutputFormat.JSON) {
            // one object: the days with the licenses pending removal (a table and CSV list the licenses alone)
            Item item = Item.of()
                    .put("skuId", grace.skuId())
                    .put("skuPartNumber", grace.skuPartNumber())
                    .put("removalGraceDays", grace.removalGraceDays());
            printer.print(item, "pendingRemovals", table);
        } else {
            printer.print(table);
        }
    }
}
