package org.allot.cli.command;

import java.time.Duration;
import org.allot.api.extensions.GroupOnlySettings;
import org.allot.api.extensions.GroupOnlyUpdate;
import org.allot.api.extensions.LicenseMigrationPreview;
import org.allot.api.extensions.LicenseMigrationRequest;
import org.allot.api.extensions.LicenseMigrationResource;
import org.allot.api.extensions.ProductGroupOnly;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Item;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.output.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Group-only licensing (docs/delegation.md): the policy, and moving a product's direct holders to groups. */
final class GroupOnlyCommands {
    private GroupOnlyCommands() {}

    /** {@code --on} or {@code --off}. */
    static final class Switch {
        @Option(names = "--on", required = true, description = "Forbid direct assignment.")
        boolean on;

        @Option(names = "--off", required = true, description = "Allow direct assignment again.")
        boolean off;
    }

    @Command(
            name = "group-only",
            mixinStandardHelpOptions = true,
            description = {
                "Shows the group-only policy, or forbids (--on) or allows again (--off) direct assignment: of every "
                        + "product, or of one with --sku.",
                "A direct assignment the policy forbids is refused; removing a direct license stays allowed. A "
                        + "Global Administrator can override it for one assignment: allot license assign "
                        + "--override-group-only."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot license group-only",
                "  allot license group-only --sku ENTERPRISEPACK --on",
                "  allot license group-only --off"
            })
    static final class Policy implements Runnable {
        private final Context context;

        @Option(names = "--sku", paramLabel = "SKU", description = "Part number or GUID: that product's setting.")
        String sku;

        @ArgGroup(exclusive = true)
        Switch change;

        Policy(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            GroupOnlyUpdate update = change == null ? null : new GroupOnlyUpdate(change.on);
            if (sku != null) {
                Products.Sku found = context.directory().products().find(sku);
                String path =
                        Query.path("/allot/v1/subscribedSkus", found.skuId().toString(), "groupOnly");
                ProductGroupOnly p = update == null
                        ? context.api().get(path, ProductGroupOnly.class)
                        : context.api().patch(path, update, ProductGroupOnly.class);
                context.printer()
                        .print(Item.of()
                                .put("skuPartNumber", p.skuPartNumber())
                                .put("groupOnly", p.groupOnly())
                                .put("productGroupOnly", p.productGroupOnly())
                                .put("tenantGroupOnly", p.tenantGroupOnly()));
                return;
            }
            String path = "/allot/v1/settings/groupOnly";
            GroupOnlySettings s = update == null
                    ? context.api().get(path, GroupOnlySettings.class)
                    : context.api().patch(path, update, GroupOnlySettings.class);
            context.note(
                    s.groupOnly()
                            ? "Every product is licensed through groups only."
                            : s.products().isEmpty()
                                    ? "Products can be assigned directly."
                                    : "Products licensed through groups only:");
            Table table = Table.of("skuPartNumber", "skuId");
            s.products().forEach(p -> table.add(p.skuPartNumber(), p.skuId()));
            if (context.printer().format() == OutputFormat.JSON) {
                // one object: the tenant's setting with the products (a table and CSV list the products alone)
                context.printer().print(Item.of().put("groupOnly", s.groupOnly()), "products", table);
            } else {
                context.printer().print(table);
            }
        }
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = {
                "Moves the users who hold a product directly to group licensing: their direct license is removed "
                        + "when they get it from a group (or, with --group, once they joined that group and its "
                        + "license works for them). No seat is taken or freed.",
                "A user whose enabled plans would change is kept unless --accept-plan-changes; a user whose group "
                        + "license does not work for them is kept. --what-if shows what it would do; --confirm does "
                        + "it and waits for the end."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot license migrate --sku ENTERPRISEPACK --what-if",
                "  allot license migrate --sku ENTERPRISEPACK --group \"All staff\" --confirm"
            })
    static final class Migrate implements Runnable {
        private final Context context;

        @Option(names = "--sku", required = true, paramLabel = "SKU", description = "Part number or GUID.")
        String sku;

        @Option(
                names = "--group",
                paramLabel = "GROUP",
                description = "Display name or id of the group to move them to.")
        String group;

        @Option(names = "--accept-plan-changes", description = "Also move users whose enabled plans would change.")
        boolean acceptPlanChanges;

        @ArgGroup(exclusive = true, multiplicity = "1")
        How how;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "PT10M",
                description = "How long --confirm waits (default PT10M).")
        Duration timeout;

        /** {@code --what-if} or {@code --confirm}. */
        static final class How {
            @Option(
                    names = {"--what-if", "--preview"},
                    required = true,
                    description = "Only show what it would do.")
            boolean whatIf;

            @Option(names = "--confirm", required = true, description = "Do it, and wait until it has ended.")
            boolean confirm;
        }

        Migrate(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            Products.Sku found = context.directory().products().find(sku);
            String groupId = group == null
                    ? null
                    : context.directory().group(group, "id").id();
            LicenseMigrationRequest request = new LicenseMigrationRequest(groupId, acceptPlanChanges);
            String base = Query.path("/allot/v1/subscribedSkus", found.skuId().toString(), "migrateToGroups");
            if (how.whatIf) {
                print(context.api().post(base + "/preview", request, LicenseMigrationPreview.class));
                return;
            }
            LicenseMigrationResource started = context.api().post(base, request, LicenseMigrationResource.class);
            String path = Query.path("/allot/v1/licenseMigrations", started.id());
            LicenseMigrationResource done = Polling.until(
                    context,
                    "Moving to group licensing",
                    null,
                    timeout,
                    started,
                    () -> context.api().get(Query.of(path).with("$top", "999"), LicenseMigrationResource.class),
                    r -> r.state().equals("Completed"),
                    r -> r.moved() + " moved, " + r.kept() + " kept",
                    r -> "Run " + r.id() + " is still " + r.state() + ": it carries on in the background (GET " + path
                            + ").");
            print(done);
        }

        private void print(LicenseMigrationPreview p) {
            context.note(p.skuPartNumber() + ": " + p.directHolders() + " direct holders; " + p.moving()
                    + " would be moved"
                    + (p.joining() > 0 ? " (" + p.joining() + " joining " + p.groupDisplayName() + " first)" : "")
                    + ", " + p.keeping() + " kept; seats used " + p.seatsUsedBefore() + " before, "
                    + p.seatsUsedAfter() + " after.");
            Table table = Table.of(
                    "userPrincipalName", "moves", "joinsGroup", "verdict", "reason", "plansGained", "plansLost");
            p.users()
                    .forEach(u -> table.add(
                            u.userPrincipalName(),
                            u.moves(),
                            u.joinsGroup(),
                            u.verdict(),
                            u.reason(),
                            String.join(",", u.plansGained()),
                            String.join(",", u.plansLost())));
            print(
                    Item.of()
                            .put("skuPartNumber", p.skuPartNumber())
                            .put("directHolders", p.directHolders())
                            .put("moving", p.moving())
                            .put("joining", p.joining())
                            .put("keeping", p.keeping())
                            .put("seatsUsedBefore", p.seatsUsedBefore())
                            .put("seatsUsedAfter", p.seatsUsedAfter()),
                    table);
        }

        private void print(LicenseMigrationResource r) {
            context.note(r.skuPartNumber() + ": " + r.moved() + " moved"
                    + (r.joined() > 0 ? " (" + r.joined() + " joined the group first)" : "") + ", " + r.kept()
                    + " kept.");
            Table table = Table.of("userPrincipalName", "moved", "joinedGroup", "reason");
            r.users().forEach(u -> table.add(u.userPrincipalName(), u.moved(), u.joinedGroup(), u.reason()));
            print(
                    Item.of()
                            .put("id", r.id())
                            .put("state", r.state())
                            .put("moved", r.moved())
                            .put("joined", r.joined())
                            .put("kept", r.kept()),
                    table);
        }

        /** The counts with the users (JSON, a table); CSV lists the users alone. */
        private void print(Item counts, Table users) {
            if (context.printer().format() == OutputFormat.CSV) {
                context.printer().print(users);
            } else {
                context.printer().print(counts, "users", users);
            }
        }
    }
}
