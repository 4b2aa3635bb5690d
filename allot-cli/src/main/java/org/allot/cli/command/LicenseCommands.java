package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allot.api.extensions.LicensePendingRemoval;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.api.graph.LicenseDetails;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** A user's licenses: assign, remove, replace in one step, show per source, reprocess. */
@Command(
        name = "license",
        aliases = "licenses",
        mixinStandardHelpOptions = true,
        subcommands = {GroupOnlyCommands.Policy.class, GroupOnlyCommands.Migrate.class},
        description = {
            "Assigns and removes a user's licenses directly.",
            "Products and plans are named by part number (ENTERPRISEPACK, SWAY) or GUID. Licenses that come "
                    + "from groups are changed on the group."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot license assign --user ada@contoso.com --sku ENTERPRISEPACK --disable-plan SWAY,FORMS_PLAN_E3",
            "  allot license replace --user ada@contoso.com --from ENTERPRISEPACK --to SPE_E5",
            "  allot license show --user ada@contoso.com"
        })
public final class LicenseCommands {
    private final Context context;

    LicenseCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "assign",
            mixinStandardHelpOptions = true,
            description = {
                "Assigns products to a user, with some of their plans switched off.",
                "Assigning a product the user already has directly replaces its switched-off plans. The user "
                        + "needs a usage location."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot license assign --user ada@contoso.com --sku ENTERPRISEPACK",
                "  allot license assign --user ada@contoso.com --sku ENTERPRISEPACK --disable-plan SWAY,FORMS_PLAN_E3",
                "  allot license assign --user ada@contoso.com --sku EMS,POWER_BI_PRO",
                "  allot license assign --user contractor@contoso.com --sku ENTERPRISEPACK --end 2027-03-31",
                "  allot license assign --user intern@contoso.com --sku ENTERPRISEPACK --start 2027-06-01 --end 2027-08-31"
            })
    void assign(
            @Mixin LicenseOptions.UserOption user,
            @Mixin LicenseOptions.Skus skus,
            @Mixin LicenseOptions.Plans plans,
            @Mixin LicenseOptions.Overrides overrides,
            @Mixin TimedGrants.Times times) {
        List<AssignedLicenseResource> add = plans.on(skus.in(context.directory().products()));
        if (times.given()) {
            if (overrides.force || overrides.overrideGroupOnly) {
                throw Failure.usage("--force and --override-group-only do not go with --start or --end.");
            }
            new TimedGrants(context).assign(user.user.strip(), add, times);
            return;
        }
        change(user.user, add, List.of(), overrides);
    }

    @Command(
            name = "timed",
            mixinStandardHelpOptions = true,
            description = {
                "Lists a user's time-bound licenses: scheduled ones (not assigned before their start) and active"
                        + " ones (removed at their end)."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot license timed --user contractor@contoso.com")
    void timed(@Mixin LicenseOptions.UserOption user) {
        new TimedGrants(context).licenses(user.user.strip());
    }

    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = {
                "Changes when a time-bound license ends, or removes its end (--at never): the user then keeps it.",
                "--cancel cancels it: a scheduled one is never assigned, an active one is removed now."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot license end --user contractor@contoso.com --sku ENTERPRISEPACK --at 2027-04-30",
                "  allot license end --user contractor@contoso.com --sku ENTERPRISEPACK --at never",
                "  allot license end --user intern@contoso.com --sku ENTERPRISEPACK --cancel"
            })
    void end(
            @Mixin LicenseOptions.UserOption user,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "part number or GUID")
                    String sku,
            @Option(names = "--at", paramLabel = "DATE", description = "The new end (a date or a time), or never.")
                    String at,
            @Option(names = "--cancel", description = "Cancel the time-bound license.") boolean cancel) {
        new TimedGrants(context).endLicense(user.user.strip(), sku, at, cancel);
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes products assigned directly to a user.",
            footerHeading = "%nExamples:%n",
            footer = "  allot license remove --user ada@contoso.com --sku ENTERPRISEPACK")
    void remove(@Mixin LicenseOptions.UserOption user, @Mixin LicenseOptions.Skus skus) {
        change(user.user, List.of(), skus.ids(context.directory().products()), new LicenseOptions.Overrides());
    }

    @Command(
            name = "replace",
            mixinStandardHelpOptions = true,
            description = {
                "Replaces one product with another in a single request: the user never goes without.",
                "Both happen, or neither does."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot license replace --user ada@contoso.com --from ENTERPRISEPACK --to SPE_E5")
    void replace(
            @Mixin LicenseOptions.UserOption user,
            @Option(names = "--from", required = true, paramLabel = "SKU", description = "The product to take away.")
                    String from,
            @Option(names = "--to", required = true, paramLabel = "SKU", description = "The product to give instead.")
                    String to,
            @Mixin LicenseOptions.Plans plans,
            @Mixin LicenseOptions.Overrides overrides) {
        Products products = context.directory().products();
        UUID old = products.find(from).skuId();
        change(user.user, plans.on(List.of(products.find(to))), List.of(old), overrides);
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Shows a user's licenses, one row per source (Direct, or the group it comes from), with its "
                        + "state, error and reason; --plans shows each service plan instead."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot license show --user ada@contoso.com",
                "  allot license show --user ada@contoso.com --plans"
            })
    void show(
            @Mixin LicenseOptions.UserOption option,
            @Option(names = "--plans", description = "Each plan of each license and its provisioning status.")
                    boolean plans) {
        Directory directory = context.directory();
        String user = option.user;
        if (plans) {
            UserResource u = directory.user(user, "id");
            Table table = Table.of("skuPartNumber", "servicePlanName", "provisioningStatus", "servicePlanId");
            for (LicenseDetails d :
                    context.api().list(Query.path("/v1.0/users", u.id(), "licenseDetails"), LicenseDetails.class)) {
                for (ServicePlanInfo p : d.servicePlans()) {
                    table.add(d.skuPartNumber(), p.servicePlanName(), p.provisioningStatus(), p.servicePlanId());
                }
            }
            context.printer().print(table);
            return;
        }
        print(directory.user(user, Directory.USER_LICENSES));
    }

    @Command(
            name = "reprocess",
            mixinStandardHelpOptions = true,
            description = "Applies a user's licenses again (group licenses included), e.g. after fixing its usage"
                    + " location.",
            footerHeading = "%nExamples:%n",
            footer = "  allot license reprocess --user ada@contoso.com")
    void reprocess(@Mixin LicenseOptions.UserOption user) {
        String named = user.user.strip();
        post(named, Query.path("/v1.0/users", named, "reprocessLicenseAssignment"), null);
        print(context.directory().user(named, Directory.USER_LICENSES));
    }

    private void change(
            String user, List<AssignedLicenseResource> add, List<UUID> remove, LicenseOptions.Overrides overrides) {
        if (add.isEmpty() && remove.isEmpty()) {
            throw Failure.usage("Nothing to change.");
        }
        String named = user.strip();
        post(
                named,
                Query.of(Query.path("/v1.0/users", named, "assignLicense"))
                        .with("force", overrides.force ? "true" : null)
                        .with("overrideGroupOnly", overrides.overrideGroupOnly ? "true" : null),
                new AssignLicenseRequest(add, remove));
        print(context.directory().user(named, Directory.USER_LICENSES));
    }

    @Command(
            name = "undo-removal",
            mixinStandardHelpOptions = true,
            description = {
                "Undoes the pending removal of a product from a user: the user keeps it as a direct assignment.",
                "A removed license is held for the days its product is set to ('allot product grace'); "
                        + "re-assigning it or adding the user back to the group does the same."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot license undo-removal --user ada@contoso.com --sku ENTERPRISEPACK")
    void undoRemoval(
            @Mixin LicenseOptions.UserOption user,
            @Option(names = "--sku", required = true, paramLabel = "SKU", description = "part number or GUID")
                    String sku) {
        Directory directory = context.directory();
        String named = user.user.strip();
        UUID skuId = directory.products().find(sku).skuId();
        JsonNode left =
                post(named, Query.path("/allot/v1/users", named, "pendingRemovals", skuId.toString(), "cancel"), null);
        List<LicensePendingRemoval> pending = new ArrayList<>();
        left.path("value").forEach(p -> pending.add(Api.bind(p, LicensePendingRemoval.class)));
        context.printer()
                .print(Licenses.sources(
                        directory.user(named, Directory.USER_LICENSES), directory, Licenses.pending(pending)));
    }

    /** A request about the user named (id or principal name): a user the server does not know is said so. */
    private JsonNode post(String named, Object path, Object body) {
        try {
            return context.api().post(path, body);
        } catch (ApiError e) {
            throw e.status() == 404 && e.code().equals("Request_ResourceNotFound")
                    ? Failure.notFound("No user '" + named + "'.")
                    : e;
        }
    }

    /** The user's licenses per source, with when those pending removal are freed. */
    private void print(UserResource user) {
        context.printer().print(Licenses.sources(user, context.directory(), Licenses.pending(context.api(), user)));
    }
}
