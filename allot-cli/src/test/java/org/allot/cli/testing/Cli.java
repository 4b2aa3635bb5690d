package org.allot.cli.testing;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.allot.cli.Allot;
import org.allot.cli.process.Environment;

/** Runs {@code allot} command lines in this JVM, with an environment of the test's choosing, as a script would. */
public final class Cli {
    private final Map<String, String> environment;
    private final Path home;
    private final String stdin;

    public Cli(Map<String, String> environment, Path home) {
        this(environment, home, "");
    }

    private Cli(Map<String, String> environment, Path home, String stdin) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.stdin = stdin;
    }

    /** The same CLI with this text on its standard input, as {@code echo … | allot …} would give it. */
    public Cli input(String text) {
        return new Cli(environment, home, text);
    }

    /** The same CLI with one environment variable set, or removed when {@code value} is null. */
    public Cli with(String variable, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        if (value == null) {
            changed.remove(variable);
        } else {
            changed.put(variable, value);
        }
        return new Cli(changed, home, stdin);
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out, true);
                PrintWriter e = new PrintWriter(err, true)) {
            exit = Allot.run(
                    new Environment(
                            environment, home, false, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                    o,
                    e,
                    args);
        }
        return new Run(String.join(" ", args), exit, out.toString(), err.toString());
    }
}
