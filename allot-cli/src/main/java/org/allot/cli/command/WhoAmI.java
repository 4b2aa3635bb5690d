package org.allot.cli.command;

import java.util.concurrent.Callable;
import org.allot.cli.Context;
import picocli.CommandLine.Command;

/** The tenant, app and role of the credentials in use. */
@Command(
        name = "whoami",
        mixinStandardHelpOptions = true,
        description = "Shows the server, tenant, app and roles of the credentials in use.",
        footerHeading = "%nExamples:%n",
        footer = {"  allot whoami", "  allot whoami -o json | jq -r .tenant"})
public final class WhoAmI implements Callable<Integer> {
    private final Context context;

    WhoAmI(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.printer().print(Identity.of(context.api()).item());
        return 0;
    }
}
