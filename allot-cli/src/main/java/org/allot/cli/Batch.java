package org.allot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allot.cli.context.Context;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code allot batch FILE}: command lines from a file or standard input, one a line, run one after another in this
 * process over one login (one token, one connection), as GAM's {@code batch}: no JVM start and no sign-in per
 * command, and what lookups learnt (the subscribed products, group names) kept for the lines after. Each line's output goes where the command alone would put it; stderr gets each line's exit code and a
 * summary; the exit code is 0 when every line succeeded, else 1.
 */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Runs allot command lines from a file (- or no file: standard input), one a line, over one login: much"
                    + " faster than one allot process per command.",
            "Blank lines and lines starting with # are skipped; a leading 'allot' is optional. Words are split as a"
                    + " shell would for simple cases: 'single' and \"double\" quotes, and \\ before a character.",
            "Each command's results go to stdout as they would alone; stderr gets '[line N] exit C: command' for"
                    + " each line and a summary. Every line runs even when one fails; the exit code is 0 when all"
                    + " succeeded, 1 when one did not."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot batch commands.txt",
            "  awk -F, 'NR>1 {print \"license assign --user\", $1, \"--sku ENTERPRISEPACK\"}' users.csv | allot batch",
            "  printf 'user show ada@contoso.com\\nlicense show --user ada@contoso.com\\n' | allot batch -"
        })
final class Batch implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The command lines; - or none: standard input.")
    String file;

    Batch(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        int run = 0;
        List<Integer> failed = new ArrayList<>();
        Allot.Reused commands = new Allot.Reused(context);
        try (BufferedReader lines = reader()) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                List<String> words;
                try {
                    words = words(line);
                } catch (IllegalArgumentException e) {
                    context.note("[line " + number + "] exit 2: " + e.getMessage());
                    failed.add(number);
                    run++;
                    continue;
                }
                if (words.isEmpty()) {
                    continue;
                }
                if (words.get(0).equals("batch")) {
                    context.note("[line " + number + "] exit 2: a batch cannot run a batch");
                    failed.add(number);
                    run++;
                    continue;
                }
                int exit = commands.run(words.toArray(String[]::new));
                if (words.get(0).startsWith("subscription")) {
                    // the subscribed products (names, ids) the lines after look up may have changed
                    context.forgetLookups();
                }
                context.out().flush();
                context.note("[line " + number + "] exit " + exit + ": " + String.join(" ", words));
                run++;
                if (exit != 0) {
                    failed.add(number);
                }
            }
        }
        context.note("Batch: " + run + " command(s), " + (run - failed.size()) + " succeeded, " + failed.size()
                + " failed"
                + (failed.isEmpty() ? "." : " (line" + (failed.size() == 1 ? " " : "s ") + lines(failed) + ")."));
        return failed.isEmpty() ? 0 : Exit.FAILURE.code();
    }

    private BufferedReader reader() throws IOException {
        if (file == null || file.equals("-")) {
            return new BufferedReader(
                    new InputStreamReader(context.environment().stdin(), StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw Failure.usage("No file " + file + ".");
        }
    }

    private static String lines(List<Integer> numbers) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < numbers.size() && i < 20; i++) {
            shown.add(String.valueOf(numbers.get(i)));
        }
        return String.join(", ", shown) + (numbers.size() > 20 ? ", …" : "");
    }

    /**
     * A line's words as a shell would split them in simple cases: blanks separate; {@code '…'} keeps everything;
     * {@code "…"} keeps everything but {@code \"} and {@code \\}; a backslash outside quotes takes the next character
     * as it is; {@code #} at the start of a word comments out the rest. A leading {@code allot} is dropped.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                if (c == '#') {
                    break;
                }
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a ' is not closed");
                }
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        d = line.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("a \" is not closed");
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty() && words.get(0).equals("allot")) {
            words.remove(0);
        }
        return words;
    }
}
