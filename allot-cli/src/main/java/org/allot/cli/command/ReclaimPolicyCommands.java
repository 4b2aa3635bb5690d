package org.allot.cli.command;

import java.util.List;
import org.allot.api.extensions.ReclaimPolicyResource;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reclaim policies, one per product: set, show, remove. */
@Command(
        name = "policy",
        aliases = "policies",
        mixinStandardHelpOptions = true,
        description = "Sets, shows and removes the reclaim policy of a product.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot reclaim policy set --sku ENTERPRISEPACK --inactive-days 90 --recent-days 14"
                    + " --exempt-group \"Executives\" --mode Act",
            "  allot reclaim policy show",
            "  allot reclaim policy remove --sku ENTERPRISEPACK"
        })
final class ReclaimPolicyCommands {
    private final Context context;

    ReclaimPolicyCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Sets (adds or replaces) a product's policy; what is left out takes its default.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot reclaim policy set --sku ENTERPRISEPACK --inactive-days 90",
                "  allot reclaim policy set --sku SPE_E5 --disabled-days 30 --exempt-group Executives --mode Act"
            })
    void set(
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku,
            @Option(
                            names = "--inactive-days",
                            paramLabel = "N",
                            description = "List holders without a sign-in or logon for N days.")
                    Integer inactiveDays,
            @Option(
                            names = "--disabled-days",
                            paramLabel = "N",
                            description = "List holders disabled or deleted for N days.")
                    Integer disabledDays,
            @Option(
                            names = "--recent-days",
                            paramLabel = "N",
                            description = "Leave out licenses granted in the last N days (default 0).")
                    Integer recentDays,
            @Option(names = "--exempt-user", paramLabel = "USER", description = "userPrincipalName or id; repeatable.")
                    List<String> exemptUsers,
            @Option(names = "--exempt-group", paramLabel = "GROUP", description = "display name or id; repeatable.")
                    List<String> exemptGroups,
            @Option(
                            names = "--mode",
                            paramLabel = "MODE",
                            description = "ReportOnly (default) or Act: what the daily run does.")
                    String mode) {
        if (inactiveDays == null && disabledDays == null) {
            throw Failure.usage("Give --inactive-days, --disabled-days or both.");
        }
        String skuId = sku.strip();
        List<String> users = exemptUsers == null
                ? List.of()
                : exemptUsers.stream()
                        .map(u -> context.directory().user(u, "id").id())
                        .toList();
        List<String> groups = exemptGroups == null
                ? List.of()
                : exemptGroups.stream()
                        .map(g -> context.directory().group(g, "id").id())
                        .toList();
        ReclaimPolicyResource set = context.api()
                .put(
                        Query.path("/allot/v1/reclaim/policies", skuId),
                        new ReclaimPolicyResource(
                                null, null, inactiveDays, disabledDays, recentDays, users, groups, mode),
                        ReclaimPolicyResource.class);
        context.printer().print(item(set));
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows the policies, or one product's.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot reclaim policy show", "  allot reclaim policy show --sku ENTERPRISEPACK"})
    void show(@Option(names = "--sku", paramLabel = "SKU", description = "Part number or GUID.") String sku) {
        if (sku != null) {
            String skuId = sku.strip();
            try {
                context.printer()
                        .print(item(context.api()
                                .get(Query.path("/allot/v1/reclaim/policies", skuId), ReclaimPolicyResource.class)));
            } catch (ApiError e) {
                throw e.status() == 404 ? Failure.notFound("No reclaim policy for " + sku + ".") : e;
            }
            return;
        }
        Table table = Table.of(
                "skuPartNumber", "inactiveDays", "disabledDays", "recentDays", "exemptUsers", "exemptGroups", "mode");
        for (ReclaimPolicyResource p : context.api().list("/allot/v1/reclaim/policies", ReclaimPolicyResource.class)) {
            table.add(
                    p.skuPartNumber(),
                    p.inactiveDays(),
                    p.disabledDays(),
                    p.recentDays(),
                    p.exemptUserIds().size(),
                    p.exemptGroupIds().size(),
                    p.mode());
        }
        context.printer().print(table);
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a product's policy.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot reclaim policy remove --sku ENTERPRISEPACK"})
    void remove(
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
                    String sku) {
        String skuId = sku.strip();
        try {
            context.api().delete(Query.path("/allot/v1/reclaim/policies", skuId));
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No reclaim policy for " + sku + ".") : e;
        }
        context.note("Removed the reclaim policy for " + sku + ".");
    }

    private static Item item(ReclaimPolicyResource p) {
        return Item.of()
                .put("skuId", p.skuId())
                .put("skuPartNumber", p.skuPartNumber())
                .put("inactiveDays", p.inactiveDays())
                .put("disabledDays", p.disabledDays())
                .put("recentDays", p.recentDays())
                .put("exemptUserIds", listOf(p.exemptUserIds()))
                .put("exemptGroupIds", listOf(p.exemptGroupIds()))
                .put("mode", p.mode());
    }

    /** A list as JSON shows it (an array; none: empty), and as a table or CSV shows it (joined with commas). */
    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values;
    }
}
