package org.allot.cli.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allot.api.extensions.LicenseCheckDifference;
import org.allot.api.extensions.LicenseCheckRunResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The license check: asks for a repair (or a dry run) of the tenant's licenses and, with --wait, tells what it found. */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Checks every user's licenses against the licensing rules (their direct licenses and those of the groups"
                    + " they belong to), and each product's seat figures, and repairs what differs.",
            "--dry-run only reports. --wait waits until the run ends and prints what it found: exit code 0 when the"
                    + " tenant is as the rules say (nothing found, or everything repaired), 5 when differences remain,"
                    + " 1 when the run failed, 4 when a run is already under way.",
            "Needs Global or License Administrator."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot reconcile --dry-run --wait",
            "  allot reconcile --wait",
            "  allot reconcile --dry-run --wait -o json | jq '.differences[] | .userPrincipalName'"
        })
public final class Reconcile implements Callable<Integer> {
    static final String PATH = "/allot/v1/reconciliation";

    private final Context context;

    @Option(names = "--dry-run", description = "Only report differences; change nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until the run ends, then print its differences.")
    boolean await;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "With --wait, give up after this long (30m): 90s, 10m, 1h.")
    String timeout;

    @Option(names = "--top", paramLabel = "N", defaultValue = "1000", description = "Differences printed (1000).")
    int top;

    @Option(names = "--progress", negatable = true, description = "Show progress on stderr (default: on a terminal).")
    Boolean progress;

    Reconcile(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (top < 1) {
            throw Failure.usage("--top must be at least 1.");
        }
        Duration patience = GroupProcessing.duration(timeout);
        LicenseCheckRunResource run = context.api().post(PATH, Map.of("dryRun", dryRun), LicenseCheckRunResource.class);
        if (!await) {
            context.note((dryRun ? "A dry run" : "A repair") + " was asked for: 'allot reconcile --wait' waits for the"
                    + " next one; the API's /allot/v1/reconciliation/runs/" + run.id() + " shows how it goes.");
            context.printer().print(item(run));
            return Exit.OK.code();
        }
        LicenseCheckRunResource ended = Polling.until(
                context,
                dryRun ? "License check" : "License repair",
                progress,
                patience,
                run,
                () -> context.api().get(Query.path(PATH + "/runs", run.id()), LicenseCheckRunResource.class),
                r -> !r.state().equals("Queued") && !r.state().equals("Running"),
                r -> r.state() + ": " + r.usersChecked() + " users checked, " + r.differencesFound() + " differences",
                r -> "The run has not ended after " + patience + ": GET " + PATH + "/runs/" + run.id()
                        + " shows how it goes.");
        context.printer().print(item(ended), "differences", table(differences(ended)));
        if (ended.state().equals("Failed")) {
            throw Failure.failed("LicenseCheckFailed", String.valueOf(ended.message()));
        }
        if (!Boolean.TRUE.equals(ended.consistent())) {
            context.note(ended.differencesFound() - ended.differencesRepaired() + " difference(s) remain"
                    + (ended.dryRun() ? ": 'allot reconcile --wait' repairs them." : "."));
            return Exit.DIFFERENCES.code();
        }
        return Exit.OK.code();
    }

    private List<LicenseCheckDifference> differences(LicenseCheckRunResource run) {
        return context.api()
                .list(
                        Query.of(Query.path(PATH + "/runs", run.id(), "differences"))
                                .with("$top", Math.min(top, 999)),
                        LicenseCheckDifference.class,
                        top);
    }

    static Item item(LicenseCheckRunResource r) {
        return Item.of()
                .put("id", r.id())
                .put("dryRun", r.dryRun())
                .put("state", r.state())
                .put("requestedBy", r.requestedBy())
                .put("requestedDateTime", r.requestedDateTime())
                .put("finishedDateTime", r.finishedDateTime())
                .put("usersChecked", r.usersChecked())
                .put("differencesFound", r.differencesFound())
                .put("differencesRepaired", r.differencesRepaired())
                .put("consistent", r.consistent())
                .put("message", r.message());
    }

    static Table table(List<LicenseCheckDifference> differences) {
        Table table = Table.of(
                "kind",
                "userPrincipalName",
                "skuPartNumber",
                "allotment",
                "source",
                "assignedByGroup",
                "expected",
                "stored",
                "repaired");
        for (LicenseCheckDifference d : differences) {
            table.add(
                    d.kind(),
                    d.userPrincipalName(),
                    d.skuPartNumber() == null ? d.skuId() : d.skuPartNumber(),
                    d.allotmentName() == null ? d.allotmentId() : d.allotmentName(),
                    d.source(),
                    d.assignedByGroup(),
                    d.expected(),
                    d.stored(),
                    d.repaired());
        }
        return table;
    }
}
