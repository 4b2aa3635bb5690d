package org.allot.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allot.api.extensions.TenantSettings;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allot sync thresholds}: the tenant's two thresholds over which a run is held for confirmation. */
@Command(
        name = "thresholds",
        mixinStandardHelpOptions = true,
        description = {
            "Shows, or with options sets, the tenant's two thresholds over which a directory sync run is held"
                    + " (BLOCKED) until an administrator confirms it: objects deleted (memberships of licensed groups"
                    + " removed count too) and users who would lose a license. 0 holds every such run.",
            "Setting them needs Global Administrator."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  allot sync thresholds", "  allot sync thresholds --deletions 100 --license-losses 25"})
final class SyncThresholds implements Callable<Integer> {
    private static final String SETTINGS = "/allot/v1/settings";

    private final Context context;

    @Option(
            names = "--deletions",
            paramLabel = "N",
            description = "Objects a run may delete (counting memberships of licensed groups it removes).")
    Integer deletions;

    @Option(names = "--license-losses", paramLabel = "N", description = "Users a run may take a license from.")
    Integer licenseLosses;

    SyncThresholds(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TenantSettings settings;
        if (deletions == null && licenseLosses == null) {
            settings = context.api().get(SETTINGS, TenantSettings.class);
        } else {
            if ((deletions != null && deletions < 0) || (licenseLosses != null && licenseLosses < 0)) {
                throw Failure.usage("A threshold is a whole number of 0 or more.");
            }
            Map<String, Integer> change = new LinkedHashMap<>();
            if (deletions != null) {
                change.put("syncDeleteThreshold", deletions);
            }
            if (licenseLosses != null) {
                change.put("syncLicenseLossThreshold", licenseLosses);
            }
            settings = context.api().patch(SETTINGS, change, TenantSettings.class);
            context.note("Thresholds saved.");
        }
        context.printer()
                .print(Item.of()
                        .put("syncDeleteThreshold", settings.syncDeleteThreshold())
                        .put("syncLicenseLossThreshold", settings.syncLicenseLossThreshold()));
        return Exit.OK.code();
    }
}
