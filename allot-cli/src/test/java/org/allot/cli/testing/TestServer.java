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
 * process, with its embedded PostgreSQL in a temporary folder, the demo tenant Contoso, and a first app whose
 * credentials the test knows. It serves HTTPS with the certificate it generated (as by default) and, for the tests that
 * are not about TLS, plain HTTP on loopback (as for a reverse proxy), both on free ports. Group changes above ten users
 * go to background jobs, so waiting is real; runs of directory sync asked for start within a second. It trusts the
 * certificate of the {@link #receiver()} that tests point change notifications at.
 */
public final class TestServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Allot is listening on (https://localhost:\\d+)");
    private static final Pattern FINGERPRINT =
            Pattern.compile("SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");
    private static final Pattern PLAIN_HTTP = Pattern.compile("plain HTTP: (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START = Duration.ofMinutes(6);
    /** Seals the passwords of directory connectors the tests save. */
    private static final String SYNC_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private final Process process;
    private final Path data;
    private final List<String> output = new ArrayList<>();
    private final String httpsUrl;
    private final String fingerprint;
    private final String url;
    private final String clientId;
    private final String clientSecret;
    private WebhookReceiver receiver;

    private TestServer(Process process, Path data, String clientId, String clientSecret) {
        this.process = process;
        this.data = data;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        List<String> banner = awaitListening();
        this.httpsUrl = banner.get(0);
        this.fingerprint = banner.get(1);
        this.url = banner.get(2);
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
            Path receiverCertificate = WebhookReceiver.keys(data);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--server.port=0",
                    "--allot.tls.http=serve",
                    "--allot.tls.http-port=0",
                    "--allot.data-directory=" + data,
                    "--allot.demo.enabled=true",
                    "--allot.processing.inline-limit=10",
                    "--allot.sync.encryption-key=" + SYNC_KEY,
                    "--allot.sync.poll-interval=1s",
                    "--allot.notifications.trusted-certificates=" + receiverCertificate,
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

    /** The HTTPS endpoint for change notifications whose certificate this server trusts, started on first use. */
    public synchronized WebhookReceiver receiver() {
        if (receiver == null) {
            receiver = WebhookReceiver.start(data);
        }
        return receiver;
    }

    /** Plain HTTP on loopback, as a reverse proxy on the same machine would reach the server. */
    public String url() {
        return url;
    }

    /** HTTPS, with the certificate the server generated at first start. */
    public String httpsUrl() {
        return httpsUrl;
    }

    /** The SHA-256 fingerprint of that certificate, as the server printed it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** That certificate, as a PEM file (what {@code curl --cacert} would be given). */
    public Path certificateFile() {
        return data.resolve("tls/certificate.pem");
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

    /** The HTTPS URL, the certificate's fingerprint and the plain HTTP URL, as the banner gives them. */
    private List<String> awaitListening() {
        CompletableFuture<List<String>> listening = new CompletableFuture<>();
        List<Pattern> patterns = List.of(LISTENING, FINGERPRINT, PLAIN_HTTP);
        List<String> found = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = found.size() < patterns.size()
                            ? patterns.get(found.size()).matcher(line)
                            : null;
                    if (m != null && m.find()) {
                        found.add(m.group(1));
                        if (found.size() == patterns.size()) {
                            listening.complete(List.copyOf(found));
                        }
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
