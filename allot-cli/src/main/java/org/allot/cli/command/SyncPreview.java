package org.allot.cli.command;

import java.util.concurrent.Callable;
import org.allot.api.extensions.DirectorySyncConnector;
import org.allot.api.extensions.DirectorySyncLicenseLoss;
import org.allot.api.extensions.DirectorySyncRun;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import org.allot.cli.process.Exit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code allot sync preview}: a dry run of the next sync with connector settings not saved. */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Previews a connector change: a dry run of the next sync with the settings given (the others as the"
                    + " stored connector has them), not saved. Nothing is applied.",
            "Prints the run, in state PREVIEW, with what it would add, update and delete, and the licenses users would"
                    + " lose; 'allot sync changes RUN', 'deletions RUN', 'removals RUN' and 'license-losses RUN' list"
                    + " each. Without settings, previews the stored connector's next run.",
            "The stored password is only sent to the stored connector's URL and bind DN: elsewhere give it with"
                    + " --password-stdin or " + ConnectorOptions.PASSWORD_VARIABLE + "."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot sync preview --map onPremisesImmutableId=mS-DS-ConsistencyGuid",
            "  allot sync preview --preset genericLdap --map group.member=uniqueMember -o json | jq .usersLosingLicenses",
            "  allot sync preview --exclude-dn OU=Contractors,OU=Staff,DC=contoso,DC=com"
        })
final class SyncPreview implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConnectorOptions options;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "100",
            description = "License losses shown (100); 'allot sync license-losses RUN' lists them all.")
    int top;

    SyncPreview(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SyncCommands.top(top, 10_000);
        DirectorySyncConnector current = SyncCommands.connector(context).orElse(null);
        // the stored connector as a PUT sends it (without what only the server sets), with the options given
        DirectorySyncConnector settings = options.merged(current, options.password(context.environment()));
        DirectorySyncRun run =
                context.api().post(SyncCommands.CONNECTOR + "/preview", settings, DirectorySyncRun.class);
        Table losses = Table.of("userPrincipalName", "skuPartNumber", "cause", "userId");
        context.api()
                .list(
                        Query.of(Query.path(SyncRuns.RUNS, run.id(), "licenseLosses"))
                                .with("$top", top),
                        DirectorySyncLicenseLoss.class)
                .forEach(l -> losses.add(l.userPrincipalName(), l.skuPartNumber(), l.cause(), l.userId()));
        context.note("Nothing was applied and the connector was not saved. 'allot sync changes " + run.id()
                + "', 'deletions', 'removals' and 'license-losses' list what the change would do; 'allot sync"
                + " configure' with the same options saves it.");
        context.printer().print(SyncRuns.item(run), "licenseLosses", losses);
        return Exit.OK.code();
    }
}
