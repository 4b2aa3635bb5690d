package org.allot.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.allot.cli.api.ApiError;
import org.allot.cli.bulk.ImportCommands;
import org.allot.cli.command.AlertCommands;
import org.allot.cli.command.AllotmentCommands;
import org.allot.cli.command.AppCommands;
import org.allot.cli.command.DomainCommands;
import org.allot.cli.command.GroupCommands;
import org.allot.cli.command.LicenseCommands;
import org.allot.cli.command.Login;
import org.allot.cli.command.Logout;
import org.allot.cli.command.NotificationCommands;
import org.allot.cli.command.ProductCommands;
import org.allot.cli.command.ReclaimCommands;
import org.allot.cli.command.Reconcile;
import org.allot.cli.command.ReportCommands;
import org.allot.cli.command.RequestCommands;
import org.allot.cli.command.SigningKeyCommands;
import org.allot.cli.command.SubscriptionCommands;
import org.allot.cli.command.SyncCommands;
import org.allot.cli.command.UnitCommands;
import org.allot.cli.command.UserCommands;
import org.allot.cli.command.WhoAmI;
import org.allot.cli.context.Context;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code allot} command: licenses, users, groups and products of an Allot server, through its REST API. */
@Command(
        name = "allot",
        mixinStandardHelpOptions = true,
        versionProvider = Allot.Version.class,
        description = {
            "Assign seat-based licenses to users and groups on an Allot server, through its REST API.",
            "Results go to stdout (a table, or JSON or CSV with -o); messages and errors go to stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed: server unreachable, credentials refused, some import rows not applied, a sync that failed",
            "2:usage: wrong option or argument, malformed filter or file",
            "3:not found: no such user, group, product, subscription, domain or sync run",
            "4:refused by a licensing rule, or conflicting with the current state; a sync run --wait that is blocked",
            "5:allot reconcile --wait: differences remain (a dry run found some)",
            "6:the https server's certificate is not trusted (allot login --fingerprint or --ca-file)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot login --url https://localhost:8443 --client-id <id> --fingerprint <sha256 the server printed>",
            "  allot user list --unlicensed",
            "  allot license assign --user ada@contoso.com --sku ENTERPRISEPACK --disable-plan SWAY",
            "  allot group license add Sales-E3 --sku SPE_E5 --wait",
            "  allot import users users.csv --dry-run",
            "  allot sync run --wait",
            "  allot reconcile --dry-run --wait",
            "  source <(allot completion)"
        })
public final class Allot {
    /**
     * The commands, in the order of the help. A run builds the model (picocli's reflection over the annotations) of
     * the one it runs only, which is most of a command's start-up time; help, completion and an unknown command get
     * all.
     */
    static final List<Class<?>> COMMANDS = List.of(
            Login.class,
            Logout.class,
            WhoAmI.class,
            UserCommands.class,
            LicenseCommands.class,
            GroupCommands.class,
            ProductCommands.class,
            SubscriptionCommands.class,
            ReclaimCommands.class,
            SyncCommands.class,
            DomainCommands.class,
            UnitCommands.class,
            AllotmentCommands.class,
            NotificationCommands.class,
            AlertCommands.class,
            RequestCommands.class,
            Reconcile.class,
            ReportCommands.class,
            AppCommands.class,
            SigningKeyCommands.class,
            ImportCommands.class,
            AuditCommand.class,
            Batch.class,
            Help.class);

    private final Context context;

    Allot(Context context) {
        this.context = context;
    }

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "table (default), json or csv.")
    void output(OutputFormat format) {
        context.format(format);
    }

    @Option(
            names = "--fields",
            scope = ScopeType.INHERIT,
            split = ",",
            paramLabel = "FIELD",
            description = "Only these fields (columns), in this order: --fields id,userPrincipalName.")
    void fields(List<String> fields) {
        context.fields(fields);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit = run(Environment.ofProcess(), out, err, args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs one command line; returns its exit code. */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        Context context = new Context(environment, out, err);
        return run(context, args);
    }

    /** Runs one command line in a context that may have run others (a batch): its login is used again. */
    static int run(Context context, String... args) {
        context.format(OutputFormat.TABLE);
        context.fields(List.of());
        Optional<Class<?>> only = command(args);
        CommandLine cli = only.map(c -> commandLine(context, List.of(c), false)).orElseGet(() -> commandLine(context));
        return cli.execute(args);
    }

    static CommandLine commandLine(Context context) {
        return commandLine(context, COMMANDS, true);
    }

    /**
     * The whole command model built once and run for one command line after another (picocli puts every option back
     * to its initial value before each parse): a batch's lines pay for parsing only.
     */
    static final class Reused {
        private final Context context;
        private CommandLine cli;

        Reused(Context context) {
            this.context = context;
        }

        int run(String... args) {
            if (cli == null) {
                cli = commandLine(context);
            }
            context.format(OutputFormat.TABLE);
            context.fields(List.of());
            return cli.execute(args);
        }
    }

    /** The command the arguments name (their first word after the global options), when it is one of ours. */
    static Optional<Class<?>> command(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-o") || arg.equals("--output")) {
                i++;
            } else if (!arg.startsWith("-")) {
                for (Class<?> type : COMMANDS) {
                    Command command = type.getAnnotation(Command.class);
                    if (type != Help.class
                            && (command.name().equals(arg)
                                    || Arrays.asList(command.aliases()).contains(arg))) {
                        return Optional.of(type);
                    }
                }
                return Optional.empty();
            } else if (!arg.startsWith("-o") && !arg.startsWith("--output=")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static CommandLine commandLine(Context context, List<Class<?>> commands, boolean completion) {
        CommandLine cli = new CommandLine(Allot.class, new Factory(context));
        for (Class<?> command : commands) {
            cli.addSubcommand(command);
        }
        if (!completion) {
            return settings(context, cli);
        }
        cli.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        cli.getSubcommands()
                .get("completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false)
                .description("Prints a bash/zsh completion script for allot.")
                .footerHeading("%nExamples:%n")
                .footer("  source <(allot completion)", "  allot completion > /etc/bash_completion.d/allot");
        return settings(context, cli);
    }

    private static CommandLine settings(Context context, CommandLine cli) {
        cli.setUsageHelpWidth(110)
                .setUsageHelpAutoWidth(true)
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(Allot::execute)
                .setExecutionExceptionHandler((e, command, parsed) -> failed(context, e))
                .setParameterExceptionHandler((e, args) -> usage(context, e));
        return cli;
    }

    /** Checks what every command takes alike, then runs the command. */
    private static int execute(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult command = parsed; command != null; command = command.subcommand()) {
            CommandLine.Model.OptionSpec top = command.matchedOption("--top");
            if (top != null && top.getValue() instanceof Integer n && n < 1) {
                throw new CommandLine.ParameterException(
                        command.commandSpec().commandLine(),
                        "--top must be 1 or more (got " + n + "): at most N rows; leave it out for all.");
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int failed(Context context, Exception exception) {
        Throwable e = exception;
        while (e instanceof CommandLine.ExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        Failure failure = e instanceof Failure f
                ? f
                : e instanceof ApiError api ? api.toFailure() : Failure.failed("InternalError", String.valueOf(e));
        if (context.environment().variable("ALLOT_DEBUG").isPresent()) {
            e.printStackTrace(context.err());
        }
        context.note(failure.line());
        return failure.exit().code();
    }

    private static int usage(Context context, CommandLine.ParameterException e) {
        context.note("error: InvalidArgument: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, context.err());
        }
        context.note("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return Exit.USAGE.code();
    }

    /** Makes commands with the run's {@link Context}. */
    private record Factory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Allot.class.getPackage().getImplementationVersion();
            return new String[] {"allot " + (version == null ? "(development build)" : version)};
        }
    }
}
