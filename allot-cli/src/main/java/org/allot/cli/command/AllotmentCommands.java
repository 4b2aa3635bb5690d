package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.AllotmentRequest;
import org.allot.api.extensions.AllotmentResource;
import org.allot.api.extensions.AllotmentSummary;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Allotments: capped pools of a product's seats, owned by administrative units or groups (docs/delegation.md). */
@Command(
        name = "allotment",
        aliases = "allotments",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, creates, changes and deletes allotments: pools of a product's seats with a hard cap, each owned by"
                    + " an administrative unit (its members draw from it) or a group (the users who get the product"
                    + " through it). The seats in no pool are the remainder.",
            "A full pool makes its users wait even when other pools have seats; a seat freed goes back to its pool's"
                    + " waiting list. Changing pools: tenant-wide License and Global Administrators."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot allotment list --sku ENTERPRISEPACK",
            "  allot allotment create \"North seats\" --sku ENTERPRISEPACK --unit North --cap 40",
            "  allot allotment set \"North seats\" --sku ENTERPRISEPACK --cap 50 --position 1",
            "  allot allotment delete \"North seats\" --sku ENTERPRISEPACK"
        })
public final class AllotmentCommands {
    private final Context context;

    AllotmentCommands(Context context) {
        this.context = context;
    }

    /** {@code --unit} or {@code --group}: who owns the pool. */
    static final class Owner {
        @Option(
                names = "--unit",
                required = true,
                paramLabel = "UNIT",
                description = "Administrative unit (id or name).")
        String unit;

        @Option(names = "--group", required = true, paramLabel = "GROUP", description = "Group (id or display name).")
        String group;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "Lists a product's allotments with their seats, holders and waiting users, then the remainder.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot allotment list --sku ENTERPRISEPACK",
                "  allot allotment list --sku ENTERPRISEPACK -o json"
            })
    void list(
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku) {
        AllotmentSummary summary = context.api().get(base(sku), AllotmentSummary.class);
        List<AllotmentResource> rows = new ArrayList<>(summary.value());
        rows.add(summary.remainder());
        context.note(summary.skuPartNumber() + ": " + summary.enabledUnits() + " enabled seats.");
        context.printer().print(table(rows));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Creates an allotment; its cap and the others' together may not exceed the enabled seats.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot allotment create \"North seats\" --sku ENTERPRISEPACK --unit North --cap 40",
                "  allot allotment create Contractors --sku ENTERPRISEPACK --group Contractors --cap 5 --position 1"
            })
    void create(
            @Parameters(paramLabel = "NAME", description = "the allotment's display name") String name,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku,
            @ArgGroup(exclusive = true, multiplicity = "1") Owner owner,
            @Option(names = "--cap", required = true, paramLabel = "N", description = "The most seats it may hold.")
                    Integer cap,
            @Option(names = "--position", paramLabel = "N", description = "Its place in the product's order (from 1).")
                    Integer position) {
        AllotmentRequest body = new AllotmentRequest(name, ownerType(owner), ownerId(owner), cap, position);
        AllotmentResource created = context.api().post(base(sku), body, AllotmentResource.class);
        context.note("Created " + created.displayName() + " (" + created.id() + ").");
        context.printer().print(table(List.of(created)));
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Changes an allotment's name, owner, cap or place; its users are recomputed.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot allotment set \"North seats\" --sku ENTERPRISEPACK --cap 50",
                "  allot allotment set \"North seats\" --sku ENTERPRISEPACK --position 1 --name North"
            })
    void set(
            @Parameters(paramLabel = "ALLOTMENT", description = "id or display name") String allotment,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku,
            @Option(names = "--name", paramLabel = "NAME", description = "A new display name.") String name,
            @ArgGroup(exclusive = true) Owner owner,
            @Option(names = "--cap", paramLabel = "N", description = "The most seats it may hold.") Integer cap,
            @Option(names = "--position", paramLabel = "N", description = "Its place in the product's order (from 1).")
                    Integer position) {
        AllotmentResource found = find(sku, allotment);
        AllotmentRequest body = new AllotmentRequest(name, ownerType(owner), ownerId(owner), cap, position);
        AllotmentResource changed =
                context.api().patch(Query.path("/allot/v1/allotments", found.id()), body, AllotmentResource.class);
        context.printer().print(table(List.of(changed)));
    }

    @Command(
            name = "delete",
            aliases = "remove",
            mixinStandardHelpOptions = true,
            description = "Deletes an allotment: its holders count in the remainder, its waiting users wait there.",
            footerHeading = "%nExamples:%n",
            footer = "  allot allotment delete \"North seats\" --sku ENTERPRISEPACK")
    void delete(
            @Parameters(paramLabel = "ALLOTMENT", description = "id or display name") String allotment,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku) {
        AllotmentResource found = find(sku, allotment);
        context.api().delete(Query.path("/allot/v1/allotments", found.id()));
        context.note("Deleted " + found.displayName() + ".");
    }

    private String base(String sku) {
        Products.Sku found = context.directory().products().find(sku);
        return Query.path("/allot/v1/subscribedSkus", found.skuId().toString(), "allotments");
    }

    private AllotmentResource find(String sku, String idOrName) {
        String name = idOrName.strip();
        List<AllotmentResource> all =
                context.api().get(base(sku), AllotmentSummary.class).value();
        List<AllotmentResource> named = all.stream()
                .filter(a -> (Directory.isGuid(name) && a.id().equalsIgnoreCase(name))
                        || a.displayName().equalsIgnoreCase(name))
                .toList();
        if (named.isEmpty()) {
            throw Failure.notFound("No allotment '" + name + "' of " + sku + ".");
        }
        if (named.size() > 1) {
            throw Failure.usage(named.size() + " allotments are named '" + name + "': give the id of one.");
        }
        return named.get(0);
    }

    private static String ownerType(Owner owner) {
        return owner == null ? null : owner.unit != null ? "administrativeUnit" : "group";
    }

    private String ownerId(Owner owner) {
        if (owner == null) {
            return null;
        }
        return owner.unit != null
                ? UnitCommands.find(context, owner.unit).id()
                : context.directory().group(owner.group, "id").id();
    }

    private static Table table(List<AllotmentResource> rows) {
        Table table = Table.of(
                "id",
                "displayName",
                "ownerType",
                "ownerId",
                "cap",
                "position",
                "seats",
                "consumedUnits",
                "waitingUnits");
        rows.forEach(a -> table.add(
                a.id(),
                a.displayName(),
                a.ownerType(),
                a.ownerId(),
                a.cap(),
                a.position(),
                a.seats(),
                a.consumedUnits(),
                a.waitingUnits()));
        return table;
    }
}
