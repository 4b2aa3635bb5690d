package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allot.cli.testing.ApiReader;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.ServerExtension;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as its own process, as a shell runs it: the saved login under {@code $HOME}, imports read from a pipe, and
 * an import stopped with Ctrl-C (SIGINT).
 */
@ExtendWith(ServerExtension.class)
class ImportProcessIT {
    private static final Path JAR =
            Path.of(System.getProperty("allot.cli.jar", "target/allot.jar")).toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void theSavedLoginIsFoundUnderTheHomeVariable(TestServer server) throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/allot")).resolve("config.json");
        Files.writeString(config, """
                {"url": "%s", "clientId": "%s", "clientSecret": "%s"}
                """.formatted(server.url(), server.clientId(), server.clientSecret()));

        Run whoami = run(Map.of("HOME", home.toString()), "-c", java() + " -jar " + JAR + " whoami -o json");

        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.out()).contains("\"tenant\" : \"Contoso\"");
    }

    @Test
    void anImportReadsAPipeOrStandardInputAndWritesItsResultsInTheWorkingFolder(TestServer server) throws Exception {
        Files.writeString(
                home.resolve("people.csv"),
                "userPrincipalName,displayName\npiped.one@contoso.com,Piped One\npiped.two@contoso.com,Piped Two\n");
        Map<String, String> env = credentials(server);

        Run substituted = run(env, "-c", java() + " -jar " + JAR + " import users <(cat people.csv) --dry-run");
        assertThat(substituted.exit()).as(substituted.toString()).isZero();
        assertThat(Files.readString(home.resolve("users.dry-run.results.csv"))).contains("would create");

        Run piped = run(env, "-c", "cat people.csv | " + java() + " -jar " + JAR + " import users -");
        assertThat(piped.exit()).as(piped.toString()).isZero();
        assertThat(piped.err()).contains("2 created");
        assertThat(Files.readString(home.resolve("users.results.csv"))).contains("created");

        Run devStdin = run(env, "-c", java() + " -jar " + JAR + " import users /dev/stdin < people.csv");
        assertThat(devStdin.exit()).as(devStdin.toString()).isZero();
        assertThat(devStdin.err()).contains("Nothing to change");
    }

    @Test
    void anImportStoppedWithCtrlCSaysWhatItDidAndItsResultsFileHoldsEveryRowSent(TestServer server) throws Exception {
        int rows = 3000;
        StringBuilder csv = new StringBuilder("userPrincipalName,displayName\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "stopped%04d@contoso.com,Stopped %d%n", i, i));
        }
        Path file = Files.writeString(home.resolve("stopped.csv"), csv);
        Path results = home.resolve("stopped.results.csv");
        Files.writeString(results, "line,userPrincipalName,outcome,detail\n2,stale@contoso.com,created,old run\n");

        ProcessBuilder builder = new ProcessBuilder(
                        java(), "-jar", JAR.toString(), "import", "users", file.toString(), "--parallel", "1")
                .directory(home.toFile())
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().putAll(credentials(server));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lines(results) < 50 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(lines(results)).as("results are written as rows are done").isGreaterThanOrEqualTo(50);
        // SIGTERM, which the JVM answers as it does Ctrl-C's SIGINT (shutdown hooks); a build run in the background
        // hands its processes an ignored SIGINT, which the JVM then leaves ignored
        process.destroy();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        String err = Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err)
                .as("exit %d, stdout: %s", process.exitValue(), Files.readString(home.resolve("out.txt")))
                .contains("Interrupted")
                .contains("stopped.csv: " + rows + " rows: ");
        List<Map<String, String>> written = Run.csv(Files.readString(results));
        assertThat(written).noneMatch(r -> r.get("userPrincipalName").equals("stale@contoso.com"));
        long created =
                written.stream().filter(r -> r.get("outcome").equals("created")).count();
        ApiReader api = server.api();
        assertThat(api.countUsers("startsWith(userPrincipalName,'stopped')"))
                .as("every user created is in the results file")
                .isEqualTo(created);
        assertThat(created).isLessThan(rows);
        assertThat(written).hasSize(rows);
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file);
        return text.contains("stale@contoso.com") ? 0 : text.lines().count() - 1;
    }

    private Map<String, String> credentials(TestServer server) {
        return Map.of(
                "ALLOT_URL", server.url(),
                "ALLOT_CLIENT_ID", server.clientId(),
                "ALLOT_CLIENT_SECRET", server.clientSecret(),
                "ALLOT_CONFIG", home.resolve("config.json").toString());
    }

    /** Runs a bash command line in the home folder, with these variables added to the environment. */
    private Run run(Map<String, String> variables, String... bash) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(bash));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = new HashMap<>(variables);
        builder.environment().keySet().removeIf(k -> k.startsWith("ALLOT_") || k.equals("XDG_CONFIG_HOME"));
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(
                String.join(" ", command),
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
