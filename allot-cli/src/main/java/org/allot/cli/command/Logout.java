package org.allot.cli.command;

import java.util.concurrent.Callable;
import org.allot.cli.api.ConfigFile;
import org.allot.cli.api.SavedToken;
import org.allot.cli.context.Context;
import org.allot.cli.process.Environment;
import picocli.CommandLine.Command;

/** Forgets the saved credentials. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "Removes the config file with the saved server and credentials.",
        footerHeading = "%nExamples:%n",
        footer = "  allot logout")
public final class Logout implements Callable<Integer> {
    private final Context context;

    Logout(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigFile file = new ConfigFile(context.environment().configFile());
        new SavedToken(file.path()).delete();
        context.note(
                file.delete()
                        ? "Logged out: removed " + file.path() + "."
                        : "Not logged in: there is no " + file.path() + ".");
        if (context.environment().variable(Environment.CLIENT_SECRET).isPresent()) {
            context.warn("ALLOT_CLIENT_SECRET is still set: commands keep using it.");
        }
        return 0;
    }
}
