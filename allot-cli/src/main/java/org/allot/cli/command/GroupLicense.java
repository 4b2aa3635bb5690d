package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.extensions.SeatImpactResource;
import org.allot.api.extensions.TenantSettings;
import org.allot.api.graph.AssignLicenseRequest;
import org.allot.api.graph.AssignedLicenseResource;
import org.allot.api.graph.GroupResource;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A group's licenses: add and remove, with a preview of the seats it takes and a warning about guests. */
@Command(
        name = "license",
        aliases = "licenses",
        mixinStandardHelpOptions = true,
        description = {
            "Adds and removes the licenses a group gives its members.",
            "Before the change, the seat-impact preview tells who would wait for a seat and warns about "
                    + "guest members (not licensed through groups unless the tenant allows it). Members are licensed "
                    + "in the background: --wait waits for it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot group license add Sales-E3 --sku ENTERPRISEPACK,EMS --disable-plan SWAY --wait",
            "  allot group license add Sales-E3 --sku SPE_E5 --preview",
            "  allot group license remove Sales-E3 --sku EMS"
        })
final class GroupLicense {
    private final Context context;

    GroupLicense(Context context) {
        this.context = context;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds products to a group (adding one it has replaces its switched-off plans).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group license add Sales-E3 --sku SPE_E5 --preview",
                "  allot group license add Sales-E3 --sku ENTERPRISEPACK --disable-plan SWAY --wait"
            })
    void add(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Mixin LicenseOptions.Skus skus,
            @Mixin LicenseOptions.Plans plans,
            @Mixin LicenseOptions.GroupChange how) {
        List<AssignedLicenseResource> add = plans.on(skus.in(context.directory().products()));
        apply(group, new AssignLicenseRequest(add, List.of()), how);
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = {
                "Removes products from a group; members keep them only through another source.",
                "When members would lose a license, asks first on a terminal; a script must give --confirm."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group license remove Sales-E3 --sku EMS --what-if",
                "  allot group license remove Sales-E3 --sku EMS --confirm --wait"
            })
    void remove(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Mixin LicenseOptions.Skus skus,
            @Mixin LicenseOptions.GroupChange how) {
        apply(
                group,
                new AssignLicenseRequest(List.of(), skus.ids(context.directory().products())),
                how);
    }

    private void apply(String group, AssignLicenseRequest change, LicenseOptions.GroupChange how) {
        GroupResource g = context.directory().group(group, Directory.GROUP_LICENSES);
        SeatImpactResource impact = context.api()
                .post(Query.path("/allot/v1/groups", g.id(), "seatImpact"), change, SeatImpactResource.class);
        warn(g, impact);
        if (how.preview) {
            context.printer().print(table(impact));
            return;
        }
        confirmLosses(g, impact, how.confirm);
        GroupResource changed =
                context.api().post(Query.path("/v1.0/groups", g.id(), "assignLicense"), change, GroupResource.class);
        GroupProcessing processing = new GroupProcessing(context);
        if (how.await) {
            changed = processing.await(changed, GroupProcessing.duration("30m"), how.progress);
        } else if (!GroupProcessing.COMPLETE.equals(GroupCommands.state(changed))) {
            context.note("Members are being licensed in the background: 'allot group status " + g.displayName()
                    + " --wait' waits for it.");
        }
        context.printer().print(processing.status(changed));
    }

    private void warn(GroupResource group, SeatImpactResource impact) {
        if (impact.guestMembers() > 0) {
            boolean allowed = guestsAllowed();
            context.warn(group.displayName() + " has " + impact.guestMembers() + " guest member(s): "
                    + (allowed
                            ? "the tenant allows licensing guests through groups, so they will take seats."
                            : "guests are not licensed through groups (tenant policy), so they will be in error;"
                                    + " assign them directly if they need it."));
        }
        for (SeatImpactResource.Sku sku : impact.skus()) {
            if (sku.wouldWait() > 0) {
                context.warn(sku.wouldWait() + " member(s) will wait for a " + sku.skuPartNumber() + " seat ("
                        + sku.availableNow() + " available now): 'allot subscription add --sku "
                        + sku.skuPartNumber() + " --seats N' adds seats.");
            }
            if (sku.wouldLose() > 0) {
                context.warn(sku.wouldLose() + " member(s) will lose " + sku.skuPartNumber() + ".");
            }
            for (SeatImpactResource.Allotment pool : sku.allotments()) {
                int queued = pool.waitingUnitsAfter() - pool.waitingUnitsNow();
                if (queued > 0) {
                    context.warn(queued + " more member(s) will wait for a seat of " + poolName(pool) + " of "
                            + sku.skuPartNumber() + " (" + pool.seats() + " seats, "
                            + pool.consumedUnitsAfter() + " used after the change), whatever other allotments have"
                            + " free: 'allot allotment set' raises its cap.");
                }
            }
        }
    }

    private static String poolName(SeatImpactResource.Allotment pool) {
        return pool.allotmentId() == null ? "the unallotted remainder" : "allotment '" + pool.displayName() + "'";
    }

    /** A change that takes licenses away from members goes ahead only when confirmed ({@link LossConfirmation}). */
    private void confirmLosses(GroupResource group, SeatImpactResource impact, boolean confirmed) {
        List<String> losses = new ArrayList<>();
        for (SeatImpactResource.Sku sku : impact.skus()) {
            if (sku.wouldLose() > 0) {
                losses.add(sku.wouldLose() + " member(s) would lose " + sku.skuPartNumber());
            }
        }
        LossConfirmation.ask(context, losses, group.displayName(), confirmed);
    }

    private boolean guestsAllowed() {
        try {
            return "ALLOW"
                    .equalsIgnoreCase(context.api()
                            .get("/allot/v1/settings", TenantSettings.class)
                            .guestLicensing());
        } catch (ApiError e) {
            return false;
        }
    }

    /**
     * One row per product, then for a product split into allotments one row per pool (and the remainder): its seats,
     * the seats free now, holders and waiting users after (and the change in them as seats taken or freed and users
     * who would wait).
     */
    private static Table table(SeatImpactResource impact) {
        Table table = Table.of(
                "skuPartNumber",
                "allotment",
                "members",
                "guestMembers",
                "seats",
                "availableNow",
                "seatsTaken",
                "seatsFreed",
                "wouldWait",
                "wouldLose",
                "consumedAfter",
                "waitingAfter");
        for (SeatImpactResource.Sku s : impact.skus()) {
            table.add(
                    s.skuPartNumber(),
                    null,
                    impact.members(),
                    impact.guestMembers(),
                    null,
                    s.availableNow(),
                    s.seatsTaken(),
                    s.seatsFreed(),
                    s.wouldWait(),
                    s.wouldLose(),
                    null,
                    null);
            for (SeatImpactResource.Allotment p : s.allotments()) {
                int change = p.consumedUnitsAfter() - p.consumedUnitsNow();
                table.add(
                        s.skuPartNumber(),
                        p.allotmentId() == null ? "(unallotted)" : p.displayName(),
                        null,
                        null,
                        p.seats(),
                        Math.max(0, p.seats() - p.consumedUnitsNow()),
                        Math.max(0, change),
                        Math.max(0, -change),
                        Math.max(0, p.waitingUnitsAfter() - p.waitingUnitsNow()),
                        null,
                        p.consumedUnitsAfter(),
                        p.waitingUnitsAfter());
            }
        }
        return table;
    }
}
