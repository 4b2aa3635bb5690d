package org.allot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allot.cli.context.Context;
import org.allot.cli.process.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code allot help [COMMAND…]}: the help of a command at any depth ({@code allot help group license add}), as its
 * {@code --help} prints it; picocli's own help command goes one level down only.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Shows the help of a command: allot help group license add.",
        footerHeading = "%nExamples:%n",
        footer = {"  allot help", "  allot help group license add"})
final class Help implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. group license add.")
    List<String> path = new ArrayList<>();

    Help(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine command = spec.root().commandLine();
        List<String> walked = new ArrayList<>();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw Failure.usage("'" + String.join(" ", walked) + (walked.isEmpty() ? "" : " ") + name
                        + "' is not a command: see '" + command.getCommandSpec().qualifiedName() + " --help'.");
            }
            walked.add(name);
            command = sub;
        }
        command.usage(context.out(), command.getColorScheme());
        context.out().flush();
        return 0;
    }
}
