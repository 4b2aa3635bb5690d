package org.allot.cli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Allot server for the CLI's integration tests: {@code allot-server/target/allot-server.jar} run as its own
 * process on a free port, with its embedded PostgreSQL in a temporary folder, the demo tenant Contoso, and a first app
 * whose credentials the test knows. Group changes above ten users go to background jobs, so waiting is real; runs of
 * directory sync asked for start within a second.
 */
public final class TestServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Allot is listening on (http://localhost:\\d+)");
    private static final Duration START = Duration.ofMinutes(6);
    /** Seals the passwords of directory connectors the tests save. */
    private static final String SYNC_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private final Process process;
    private final Path data;
    private final List<String> output = new ArrayList<>();
    private final String url;
    private final String clientId;
    private final String clientSecret;

    private TestServer(Process process, Path data, String clientId, String clientSecret) {
        this.process = process;
        this.data = data;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.url = awaitListening();
    }

    public static TestServer start() {
        Path jar = Path.of(System.getProperty("allot.server.jar", "../allot-server/target/allot-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build with the reactor, e.g."
                    + " ./mvnw -pl allot-cli -am verify");
        }
        try {
            Path data = Files.createTempDirectory("allot-cli-it-");
            String id = UUID.randomUUID().toString();
            String secret = "cli-it-" + UUID.randomUUID();
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--server.port=0",
                    "--allot.tls.enabled=false",
                    "--allot.data-directory=" + data,
                    "--allot.demo.enabled=true",
                    "--allot.processing.inline-limit=10",
                    "--allot.sync.encryption-key=" + SYNC_KEY,
                    "--allot.sync.poll-interval=1s",
                    "--allot.bootstrap.client-id=" + id,
                    "--allot.bootstrap.client-secret=" + secret);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return new TestServer(process, data, id, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The CLI as a script would run it against this server: credentials in the environment. */
    public Cli cli(Path home) {
        return new Cli(
                Map.of(
                        "ALLOT_URL", url,
                        "ALLOT_CLIENT_ID", clientId,
                        "ALLOT_CLIENT_SECRET", clientSecret,
                        "ALLOT_CONFIG", home.resolve("config.json").toString()),
                home);
    }

    /** Reads the server's state over HTTP, independently of the CLI. */
    public ApiReader api() {
        return new ApiReader(url, clientId, clientSecret);
    }

    private String awaitListening() {
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the server went away
            }
            listening.completeExceptionally(new IllegalStateException("the server stopped:\n" + output()));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return listening.get(START.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the server did not start within " + START + ":\n" + output(), e);
        }
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops the server as an administrator would (SIGTERM: it stops its PostgreSQL), then removes its data. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leave what cannot be removed in the temporary folder
        }
    }
}
