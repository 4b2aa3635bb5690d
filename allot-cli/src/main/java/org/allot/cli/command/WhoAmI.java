package org.allot.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import org.allot.cli.api.Api;
import org.allot.cli.api.ApiError;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import picocli.CommandLine.Command;

/** The tenant, app and roles of the credentials in use: the token's roles and the roles held over units. */
@Command(
        name = "whoami",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the server, tenant, app and roles of the credentials in use, and the roles the app holds over units.",
            "roles: the role in the access token. scopedRoles: each role the app holds over an administrative unit,"
                    + " with the unit; an app that holds any acts with those only, within those units, and its own"
                    + " role is set aside meanwhile."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot whoami",
            "  allot whoami -o json | jq -r .tenant",
            "  allot whoami -o json | jq -r '.scopedRoles[] | \"\\(.role) over \\(.unit)\"'"
        })
public final class WhoAmI implements Callable<Integer> {
    private final Context context;

    WhoAmI(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Identity identity = Identity.of(context.api());
        print(context, context.api(), identity, identity.item());
        return 0;
    }

    /**
     * Prints {@code item}, who {@code identity} is, with the roles the app holds over units (read through {@code api});
     * when they cannot be read, the token's roles alone, with a warning. Shared with {@code login}.
     */
    static void print(Context context, Api api, Identity identity, Item item) {
        List<ScopedRole> held;
        try {
            held = ScopedRole.of(api, identity.appId());
        } catch (ApiError e) {
            context.warn("the roles held over administrative units could not be read (" + e.code() + ": "
                    + e.getMessage() + "); the roles shown are those of the access token.");
            context.printer().print(item);
            return;
        }
        if (!held.isEmpty()) {
            context.note((identity.app() == null ? "The app" : identity.app())
                    + " holds roles over administrative units and acts with them only, within those units; its own"
                    + " role (" + String.join(", ", identity.roles()) + ") is set aside while it holds them.");
        }
        context.printer().print(item, "scopedRoles", ScopedRole.table(held));
    }
}
