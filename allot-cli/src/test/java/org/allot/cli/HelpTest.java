package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.cli.context.Context;
import org.allot.cli.process.Environment;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command explains itself with --help and examples; a wrong command line is a usage error (exit 2). */
class HelpTest {
    @TempDir
    Path home;

    @Test
    void everyCommandHasHelpWithExamples() {
        Cli cli = new Cli(Map.of(), home);
        for (List<String> command : commands()) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run help = cli.run(args.toArray(String[]::new));
            assertThat(help.exit()).as(help.toString()).isZero();
            assertThat(help.out())
                    .as(help.toString())
                    .startsWith("Usage: allot")
                    .contains("Examples:");
        }
    }

    /**
     * A parent's list of commands shows each command's first line of description (or its header): it must be a whole
     * sentence, not the first half of one cut where the source broke its line.
     */
    @Test
    void everyCommandIsSummedUpByAWholeSentenceInItsParentsList() {
        List<String> cut = new ArrayList<>();
        for (List<String> path : commands()) {
            if (path.isEmpty()) {
                continue;
            }
            CommandLine.Model.UsageMessageSpec usage =
                    command(path).getCommandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            String first = summary.length == 0 ? "" : summary[0].strip();
            if (!first.endsWith(".") && !first.endsWith(".)")) {
                cut.add(String.join(" ", path) + ": " + first);
            }
        }
        assertThat(cut).as("summaries cut mid-sentence").isEmpty();
    }

    @Test
    void helpShowsTheHelpOfACommandAtAnyDepth() {
        Run help = new Cli(Map.of(), home).run("help", "group", "license", "add");
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: allot group license add").contains("--disable-plan");

        Run wrong = new Cli(Map.of(), home).run("help", "group", "licence");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("'group licence' is not a command");
    }

    @Test
    void aTopBelowOneIsRefusedBeforeAnythingIsAsked() {
        Run negative = new Cli(Map.of("ALLOT_CONFIG", home.resolve("none.json").toString()), home)
                .run("user", "list", "--top", "-5");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).startsWith("error: InvalidArgument: --top must be 1 or more (got -5)");
        assertThat(negative.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run typo = new Cli(Map.of(), home).run("user", "lsit");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("error: InvalidArgument: ").contains("'lsit'", "allot user --help");
        assertThat(typo.out()).isEmpty();
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Run missing = new Cli(Map.of(), home).run("license", "assign", "--user", "ada@contoso.com");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("error: InvalidArgument: Missing required option: '--sku=SKU");
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        Run wrong = new Cli(Map.of(), home).run("product", "list", "-o", "xml");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("error: InvalidArgument: ", "xml");
    }

    @Test
    void withoutCredentialsCommandsSayHowToLogIn() {
        Run run = new Cli(Map.of("ALLOT_CONFIG", home.resolve("none.json").toString()), home).run("user", "list");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: NotLoggedIn: ").contains("allot login", "ALLOT_URL");
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() {
        Run completion = new Cli(Map.of(), home).run("completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -F", "license", "import", "--disable-plan");
    }

    /** Every command path below {@code allot}, but picocli's own help and completion commands. */
    private static List<List<String>> commands() {
        Context context = new Context(
                new Environment(Map.of(), Path.of("."), false),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(Allot.commandLine(context), new ArrayList<>(), paths);
        return paths;
    }

    private static CommandLine command(List<String> path) {
        Context context = new Context(
                new Environment(Map.of(), Path.of("."), false),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CommandLine command = Allot.commandLine(context);
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            boolean alias = !name.equals(sub.getCommandName());
            if (!alias && !name.equals("help")) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }
}
