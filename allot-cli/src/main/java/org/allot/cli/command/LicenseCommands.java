package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.AssignedLicense;
import org.allot.api.graph.LicenseDetails;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.User;
import org.allot.cli.Context;
import org.allot.cli.Failure;
import org.allot.cli.api.Query;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A user's licenses: assign, remove, replace in one step, show per source, reprocess. */
@Command(
        name = "license",
        aliases = "licenses",
        mixinStandardHelpOptions = true,
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
                "  allot license assign --user ada@contoso.com --sku EMS,POWER_BI_PRO"
            })
    void assign(
            @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
                    String user,
            @Option(
                            names = "--sku",
                            required = true,
                            split = ",",
                            paramLabel = "SKU",
                            description = "Part number (ENTERPRISEPACK) or GUID; several with commas.")
                    List<String> skus,
            @Option(
                            names = "--disable-plan",
                            split = ",",
                            paramLabel = "PLAN",
                            description = "Plans to switch off, by name (SWAY) or GUID; several with commas.")
                    List<String> plans,
            @Option(names = "--force", description = "Take a seat that waiting users are owed (administrators).")
                    boolean force) {
        Products products = context.directory().products();
        List<Products.Sku> resolved = skus.stream().map(products::find).toList();
        change(user, licenses(resolved, plans == null ? List.of() : plans), List.of(), force);
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes products assigned directly to a user.",
            footerHeading = "%nExamples:%n",
            footer = "  allot license remove --user ada@contoso.com --sku ENTERPRISEPACK")
    void remove(
            @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
                    String user,
            @Option(
                            names = "--sku",
                            required = true,
                            split = ",",
                            paramLabel = "SKU",
                            description = "Part number (ENTERPRISEPACK) or GUID; several with commas.")
                    List<String> skus) {
        Products products = context.directory().products();
        change(user, List.of(), skus.stream().map(s -> products.find(s).skuId()).toList(), false);
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
            @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
                    String user,
            @Option(names = "--from", required = true, paramLabel = "SKU", description = "The product to take away.")
                    String from,
            @Option(names = "--to", required = true, paramLabel = "SKU", description = "The product to give instead.")
                    String to,
            @Option(
                            names = "--disable-plan",
                            split = ",",
                            paramLabel = "PLAN",
                            description = "Plans to switch off, by name (SWAY) or GUID; several with commas.")
                    List<String> plans,
            @Option(names = "--force", description = "Take a seat that waiting users are owed (administrators).")
                    boolean force) {
        Products products = context.directory().products();
        UUID old = products.find(from).skuId();
        change(user, licenses(List.of(products.find(to)), plans == null ? List.of() : plans), List.of(old), force);
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
            @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
                    String user,
            @Option(names = "--plans", description = "Each plan of each license and its provisioning status.")
                    boolean plans) {
        Directory directory = context.directory();
        if (plans) {
            User u = directory.user(user, "id");
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
        context.printer().print(Licenses.sources(directory.user(user, Directory.USER_LICENSES), directory));
    }

    @Command(
            name = "reprocess",
            mixinStandardHelpOptions = true,
            description = "Applies a user's licenses again (group licenses included), e.g. after fixing its usage"
                    + " location.",
            footerHeading = "%nExamples:%n",
            footer = "  allot license reprocess --user ada@contoso.com")
    void reprocess(
            @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
                    String user) {
        Directory directory = context.directory();
        User u = directory.user(user, "id");
        context.api().post(Query.path("/v1.0/users", u.id(), "reprocessLicenseAssignment"), null);
        context.printer().print(Licenses.sources(directory.user(u.id(), Directory.USER_LICENSES), directory));
    }

    /** The licenses to add: each SKU with the named plans it has switched off; a plan no SKU has is not found. */
    static List<AssignedLicense> licenses(List<Products.Sku> skus, List<String> planNames) {
        List<String> names =
                planNames.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (skus.stream().noneMatch(sku -> sku.has(name))) {
                String products = String.join(
                        " or ", skus.stream().map(Products.Sku::partNumber).toList());
                throw Failure.notFound(products + " has no service plan '" + name + "': see 'allot product plans "
                        + skus.get(0).partNumber() + "'.");
            }
        }
        List<AssignedLicense> licenses = new ArrayList<>();
        for (Products.Sku sku : skus) {
            licenses.add(new AssignedLicense(
                    sku.plans(names.stream().filter(sku::has).toList()), sku.skuId()));
        }
        return licenses;
    }

    private void change(String user, List<AssignedLicense> add, List<UUID> remove, boolean force) {
        Directory directory = context.directory();
        User u = directory.user(user, "id");
        if (add.isEmpty() && remove.isEmpty()) {
            throw Failure.usage("Nothing to change.");
        }
        context.api()
                .post(
                        Query.of(Query.path("/v1.0/users", u.id(), "assignLicense"))
                                .with("force", force ? "true" : null),
                        new AssignLicenseRequest(add, remove));
        context.printer().print(Licenses.sources(directory.user(u.id(), Directory.USER_LICENSES), directory));
    }
}
