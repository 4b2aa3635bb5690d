package org.allot.cli.command;

import java.util.Map;
import java.util.Optional;
import org.allot.api.extensions.DirectorySyncConnectionTest;
import org.allot.api.extensions.DirectorySyncConnector;
import org.allot.api.extensions.DirectorySyncRun;
import org.allot.api.extensions.DirectorySyncRunRequest;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Directory sync: the connector to Active Directory or LDAP, connection tests, previews of connector changes, runs,
 * their errors and deletions.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        subcommands = {SyncPreview.class, SyncThresholds.class},
        description = {
            "Connects the tenant to its on-premises Active Directory or LDAP directory and syncs its users and groups.",
            "Reading needs any role; configuring, testing, running and confirming need Global Administrator."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot sync status",
            "  echo \"$BIND_PASSWORD\" | allot sync configure --url ldaps://dc1.contoso.com \\",
            "      --bind-dn allot-sync@contoso.com --password-stdin --base-dn OU=Staff,DC=contoso,DC=com",
            "  allot sync test",
            "  allot sync preview --map group.member=uniqueMember",
            "  allot sync run --wait",
            "  allot sync errors latest"
        })
public final class SyncCommands {
    static final String CONNECTOR = "/allot/v1/directorySync/connector";

    private final Context context;

    SyncCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Shows the connector (never its password), a run asked for and not started yet, and the"
                    + " latest runs.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync status", "  allot sync status -o json | jq .runs[0].state"})
    void status(
            @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Runs shown (5).") int top) {
        DirectorySyncConnector connector = connector()
                .orElseThrow(() ->
                        Failure.notFound("No directory connector is configured: 'allot sync configure' sets one up."));
        context.printer()
                .print(
                        ConnectorOptions.item(connector),
                        "runs",
                        SyncRuns.table(new SyncRuns(context).latest(top(top, 999))));
    }

    @Command(
            name = "configure",
            mixinStandardHelpOptions = true,
            description = {
                "Creates the connector, or changes the settings given (the others stay as they are).",
                "The bind password is never an argument: --password-stdin reads it from standard input, or it comes"
                        + " from " + ConnectorOptions.PASSWORD_VARIABLE + "; with neither, the stored one is kept."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  echo \"$BIND_PASSWORD\" | allot sync configure --url ldaps://dc1.contoso.com \\",
                "      --bind-dn allot-sync@contoso.com --password-stdin --base-dn OU=Staff,DC=contoso,DC=com",
                "  allot sync configure --preset genericLdap --url ldap://ldap.contoso.com --start-tls \\",
                "      --trusted-certificate ca.pem --base-dn ou=people,dc=contoso,dc=com --map department=ou",
                "  allot sync configure --no-schedule"
            })
    void configure(@Mixin ConnectorOptions options) {
        if (!options.any()) {
            throw Failure.usage("Give the settings to change, e.g. --url, --bind-dn, --base-dn (see --help).");
        }
        DirectorySyncConnector current = connector().orElse(null);
        DirectorySyncConnector saved = context.api()
                .put(
                        CONNECTOR,
                        options.merged(current, options.password(context.environment())),
                        DirectorySyncConnector.class);
        context.note("Connector saved. 'allot sync test' tests it; 'allot sync run --wait' syncs now.");
        context.printer().print(ConnectorOptions.item(saved));
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Tests the stored connector step by step: DNS, CONNECT, TLS, BIND, BASE_DN, USER_FILTER,"
                        + " GROUP_FILTER, stopping at the first that fails.",
                "With settings, tests them as they would be saved, without saving them. Exit code 1 when a step"
                        + " fails."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync test", "  echo \"$NEW_PASSWORD\" | allot sync test --password-stdin"})
    void test(@Mixin ConnectorOptions options) {
        DirectorySyncConnectionTest report = options.any()
                ? context.api()
                        .post(
                                CONNECTOR + "/testConnection",
                                options.merged(connector().orElse(null), options.password(context.environment())),
                                DirectorySyncConnectionTest.class)
                : context.api().post(CONNECTOR + "/testConnection", null, DirectorySyncConnectionTest.class);
        Table table = Table.of("step", "passed", "detail");
        report.steps().forEach(s -> table.add(s.step(), s.passed(), s.detail()));
        context.printer().print(table);
        if (!Boolean.TRUE.equals(report.succeeded())) {
            // the first step that failed: with several URLs, the steps through the next server follow it
            throw Failure.failed(
                    "ConnectionFailed",
                    report.steps().stream()
                            .filter(step -> !Boolean.TRUE.equals(step.passed()))
                            .findFirst()
                            .map(step -> step.step() + ": " + step.detail())
                            .orElse("the connection test failed"));
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Asks for a sync now; the next server free runs it within its poll interval.",
                "--wait waits until it ends and prints its counts; the exit code is then 1 when it failed and 4 when"
                        + " it is blocked (it would delete more than the tenant's threshold, or take licenses from more"
                        + " users than it allows: see 'allot sync deletions', 'removals', 'license-losses' and 'allot"
                        + " sync confirm')."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync run", "  allot sync run --full --wait", "  allot sync run --wait -o json"})
    void run(
            @Option(names = "--full", description = "Read the whole directory, not only what changed.") boolean full,
            @Option(names = "--wait", description = "Wait until the run ends.") boolean wait,
            @Option(
                            names = "--timeout",
                            paramLabel = "DURATION",
                            defaultValue = "30m",
                            description = "With --wait, give up after this long (30m): 90s, 10m, 1h.")
                    String timeout,
            @Option(
                            names = "--progress",
                            negatable = true,
                            description = "Show progress on stderr (default: on a terminal).")
                    Boolean progress) {
        DirectorySyncRunRequest request =
                context.api().post(SyncRuns.RUNS, full ? Map.of("full", true) : null, DirectorySyncRunRequest.class);
        if (!wait) {
            context.note("A sync was asked for: 'allot sync runs' shows how it goes.");
            context.printer()
                    .print(Item.of()
                            .put("requestedDateTime", request.requestedDateTime())
                            .put("requestedBy", request.requestedBy())
                            .put("full", request.full()));
            return;
        }
        SyncRuns runs = new SyncRuns(context);
        runs.report(runs.await(request, GroupProcessing.duration(timeout), progress));
    }

    @Command(
            name = "runs",
            mixinStandardHelpOptions = true,
            description = "Lists the latest runs, newest first, with their counts.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync runs", "  allot sync runs --top 100 -o csv > runs.csv"})
    void runs(
            @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "At most N runs (20).")
                    int top) {
        context.printer().print(SyncRuns.table(new SyncRuns(context).latest(top(top, 999))));
    }

    @Command(
            name = "errors",
            mixinStandardHelpOptions = true,
            description = "Lists the objects a run could not bring over, and why.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync errors latest", "  allot sync errors 5d0c… -o csv > errors.csv"})
    void errors(@Mixin RunList.Options options) {
        RunList.ERRORS.print(context, options);
    }

    @Command(
            name = "changes",
            mixinStandardHelpOptions = true,
            description = "Lists what a dry run (a preview, or a run in staging mode) would add, update or restore.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync changes latest", "  allot sync changes 5d0c… -o csv > changes.csv"})
    void changes(@Mixin RunList.Options options) {
        RunList.PLANNED_CHANGES.print(context, options);
    }

    @Command(
            name = "deletions",
            mixinStandardHelpOptions = true,
            description = "Lists what a blocked run would delete once confirmed (a dry run: would delete).",
            footerHeading = "%nExamples:%n",
            footer = "  allot sync deletions latest")
    void deletions(@Mixin RunList.Options options) {
        RunList.PENDING_DELETIONS.print(context, options);
    }

    @Command(
            name = "removals",
            mixinStandardHelpOptions = true,
            description =
                    "Lists the memberships of licensed groups a blocked run would remove once confirmed (a dry run:"
                            + " every membership it would remove).",
            footerHeading = "%nExamples:%n",
            footer = "  allot sync removals latest")
    void removals(@Mixin RunList.Options options) {
        RunList.PENDING_REMOVALS.print(context, options);
    }

    @Command(
            name = "license-losses",
            mixinStandardHelpOptions = true,
            description = "Lists which users would lose which licenses if a blocked run were confirmed (or a dry run"
                    + " applied), and why.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot sync license-losses latest", "  allot sync license-losses latest -o csv > losses.csv"})
    void licenseLosses(@Mixin RunList.Options options) {
        RunList.LICENSE_LOSSES.print(context, options);
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = {
                "Carries out what a blocked run held back: its deletions and its removals of licensed groups' "
                        + "memberships (see 'allot sync deletions RUN', 'removals RUN' and 'license-losses RUN' first).",
                "Only the latest blocked run can be confirmed; deleted users can be restored for the retention period."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot sync confirm 5d0c…")
    void confirm(@Parameters(paramLabel = "RUN", description = "the run's id, or latest") String run) {
        DirectorySyncRun found = new SyncRuns(context).find(run);
        DirectorySyncRun confirmed =
                context.api().post(Query.path(SyncRuns.RUNS, found.id(), "confirm"), null, DirectorySyncRun.class);
        context.printer().print(SyncRuns.item(confirmed));
    }

    private Optional<DirectorySyncConnector> connector() {
        return connector(context);
    }

    /** The stored connector, if there is one. */
    static Optional<DirectorySyncConnector> connector(Context context) {
        try {
            return Optional.of(context.api().get(CONNECTOR, DirectorySyncConnector.class));
        } catch (ApiError e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static int top(int top, int max) {
        if (top < 1 || top > max) {
            throw Failure.usage("--top must be between 1 and " + max + ".");
        }
        return top;
    }
}
