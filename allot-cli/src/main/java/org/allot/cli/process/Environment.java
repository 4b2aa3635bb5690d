package org.allot.cli.process;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of the CLI takes from its surroundings: environment variables, the home directory, whether a person is
 * watching (a terminal) or a script, and standard input (for secrets a command is told to read from it).
 */
public record Environment(Map<String, String> variables, Path home, boolean interactive, InputStream stdin) {
    public static final String URL = "ALLOT_URL";
    public static final String CLIENT_ID = "ALLOT_CLIENT_ID";
    public static final String CLIENT_SECRET = "ALLOT_CLIENT_SECRET";
    public static final String CA_FILE = "ALLOT_CA_FILE";
    public static final String FINGERPRINT = "ALLOT_FINGERPRINT";
    public static final String CONFIG = "ALLOT_CONFIG";

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** Surroundings with nothing on standard input. */
    public Environment(Map<String, String> variables, Path home, boolean interactive) {
        this(variables, home, interactive, InputStream.nullInputStream());
    }

    @SuppressWarnings("SystemConsoleNull") // on Java 17, the CLI's runtime, the console is null without a terminal
    public static Environment ofProcess() {
        return new Environment(System.getenv(), home(System.getenv()), System.console() != null, System.in);
    }

    /** The home folder: {@code $HOME} when set, as shells and other tools take it, else Java's {@code user.home}. */
    static Path home(Map<String, String> variables) {
        String home = variables.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** A variable that is set and not blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The config file: {@code $ALLOT_CONFIG}, else {@code $XDG_CONFIG_HOME/allot/config.json}, else
     * {@code ~/.config/allot/config.json}.
     */
    public Path configFile() {
        return variable(CONFIG).map(Path::of).orElseGet(() -> variable("XDG_CONFIG_HOME")
                .map(Path::of)
                .orElse(home.resolve(".config"))
                .resolve("allot")
                .resolve("config.json"));
    }
}
