package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.cli.lookup.Products;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Option;

/** The options that name licenses, shared by the commands of users and of groups (picocli mixins). */
final class LicenseOptions {
    private LicenseOptions() {}

    /** {@code --user}: whose licenses. */
    static final class UserOption {
        @Option(names = "--user", required = true, paramLabel = "USER", description = "userPrincipalName or id.")
        String user;
    }

    /** {@code --sku}: which products. */
    static final class Skus {
        @Option(
                names = "--sku",
                required = true,
                split = ",",
                paramLabel = "SKU",
                description = "Part number (ENTERPRISEPACK) or GUID; several with commas.")
        List<String> names;

        List<Products.Sku> in(Products products) {
            return names.stream().map(products::find).toList();
        }

        List<UUID> ids(Products products) {
            return in(products).stream().map(Products.Sku::skuId).toList();
        }
    }

    /** {@code --force} and {@code --override-group-only}: what an assignment may override (license assign, replace). */
    static final class Overrides {
        @Option(names = "--force", description = "Take a seat that waiting users are owed (administrators).")
        boolean force;

        @Option(
                names = "--override-group-only",
                description = "Assign although the group-only policy forbids it (break glass: Global Administrators;"
                        + " audited).")
        boolean overrideGroupOnly;
    }

    /** {@code --disable-plan}: which plans of those products to switch off. */
    static final class Plans {
        @Option(
                names = "--disable-plan",
                split = ",",
                paramLabel = "PLAN",
                description = "Plans to switch off, by name (SWAY) or GUID; several with commas.")
        List<String> names = new ArrayList<>();

        /** Each product with the named plans it has switched off; a plan none of them has is not found. */
        List<AssignedLicenseResource> on(List<Products.Sku> skus) {
            List<String> plans =
                    names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (String plan : plans) {
                if (skus.stream().noneMatch(sku -> sku.has(plan))) {
                    String products = String.join(
                            " or ", skus.stream().map(Products.Sku::partNumber).toList());
                    throw Failure.notFound(products + " has no service plan '" + plan + "': see 'allot product plans "
                            + skus.get(0).partNumber() + "'.");
                }
            }
            List<AssignedLicenseResource> licenses = new ArrayList<>();
            for (Products.Sku sku : skus) {
                licenses.add(new AssignedLicenseResource(
                        sku.plans(plans.stream().filter(sku::has).toList()), sku.skuId()));
            }
            return licenses;
        }
    }

    /** {@code --preview}, {@code --wait} and {@code --progress}: how a group license change runs. */
    static final class GroupChange {
        @Option(
                names = {"--preview", "--what-if"},
                description = "Only show what it would do (seat impact); change nothing.")
        boolean preview;

        @Option(
                names = "--confirm",
                description = "Go ahead when members would lose a license, without asking (needed when not on a"
                        + " terminal).")
        boolean confirm;

        @Option(names = "--wait", description = "Wait until every member is processed.")
        boolean await;

        @Option(
                names = "--progress",
                negatable = true,
                description = "Show the progress indicator while waiting (default: on a terminal).")
        Boolean progress;
    }
}
