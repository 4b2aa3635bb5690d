package org.allot.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js scripts of the tests (in {@code src/test/js}), run with the machine's Node.js and the npm packages their
 * {@code package.json} and lock file name, installed with {@code npm ci} into {@code target/} once (later runs use
 * them again while the lock file is the same). A machine without Node.js 18+ or npm fails the test that needs them,
 * saying what to install: nothing is skipped.
 */
public final class NodeScripts {
    private static final String NODE = System.getProperty("allot.test.node", "node");
    private static final String NPM = System.getProperty("allot.test.npm", "npm");
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.");
    private static final String LOCK = "package-lock.json";

    private final Path directory;

    private NodeScripts(Path directory) {
        this.directory = directory;
    }

    /**
     * The scripts of {@code src/test/js/{name}} with their packages installed in {@code target/{name}}.
     *
     * @throws IllegalStateException when Node.js 18+ or npm is missing, or the packages cannot be installed
     */
    public static NodeScripts install(String name) {
        requireNode();
        Path source = Path.of("src", "test", "js", name);
        Path target = Path.of("target", name);
        try {
            Files.createDirectories(target);
            boolean installed = Files.isDirectory(target.resolve("node_modules"))
                    && Files.exists(target.resolve(LOCK))
                    && Files.mismatch(source.resolve(LOCK), target.resolve(LOCK)) == -1;
            try (var files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!installed) {
                Result npm = run(
                        target,
                        List.of(NPM, "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                        Map.of(),
                        Duration.ofMinutes(3));
                if (npm.exitCode() != 0) {
                    throw new IllegalStateException("npm ci in " + target.toAbsolutePath() + " failed (exit "
                            + npm.exitCode() + "):\n" + npm.output());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NodeScripts(target);
    }

    /** What a script did: its exit code, its standard output, and its standard error. */
    public record Result(int exitCode, String output, String errors) {}

    /** Runs a script of the directory with more environment variables, or fails after the timeout. */
    public Result run(String script, Map<String, String> environment, Duration timeout) {
        return run(directory, List.of(NODE, script), environment, timeout);
    }

    private static void requireNode() {
        String version;
        try {
            Result result = run(Path.of("."), List.of(NODE, "--version"), Map.of(), Duration.ofSeconds(30));
            version = result.output().strip();
            run(Path.of("."), List.of(NPM, "--version"), Map.of(), Duration.ofSeconds(60));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw missing(e.getMessage());
        }
        Matcher major = VERSION.matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < 18) {
            throw missing("found Node.js " + version);
        }
    }

    private static IllegalStateException missing(String detail) {
        return new IllegalStateException("The tests with the Graph JavaScript client need Node.js 18 or later and npm"
                + " (" + detail + "): install the Debian packages 'nodejs npm' (.ci/run does), or point"
                + " -Dallot.test.node and -Dallot.test.npm at them.");
    }

    private static Result run(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
        File output;
        File errors;
        try {
            output = File.createTempFile("allot-node", ".out");
            errors = File.createTempFile("allot-node", ".err");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output)
                    .redirectError(errors);
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException(command.get(0) + " cannot be started: " + e.getMessage(), e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not end within " + timeout + ":\n" + read(errors));
            }
            return new Result(process.exitValue(), read(output), read(errors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            output.delete();
            errors.delete();
        }
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
