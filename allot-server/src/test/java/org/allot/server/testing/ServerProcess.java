package org.allot.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allot run as the README runs it ({@code java -jar allot-server.jar}: embedded PostgreSQL in a data directory), in a
 * process of its own, with a first app and administrator whose credentials the test knows. {@link #start} serves plain
 * HTTP (a setting), {@link #startHttps} the default HTTPS, whose generated certificate the test's requests trust as
 * {@code curl --cacert} would. Requests have a timeout, so that a server that hangs fails the test instead of hanging
 * it.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String CLIENT_ID = "6c0d0d3e-9a55-4c39-9d0e-3e0b9b7f1a01";
    public static final String CLIENT_SECRET = "server process test secret";
    public static final String ADMIN = "admin@example.com";
    public static final String ADMIN_PASSWORD = "server process admin password";
    public static final String DOMAIN = "example.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("Allot is listening on (https?://localhost:\\d+)");
    private static final Pattern FINGERPRINT =
            Pattern.compile("SHA-256 fingerprint:? ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final JavaProcess process;
    private final Path data;
    private final String base;
    private final String fingerprint;
    private final HttpClient http;
    private final HttpClient browser;
    private String token;

    private ServerProcess(JavaProcess process, Path data, String base, String fingerprint) {
        this.process = process;
        this.data = data;
        this.base = base;
        this.fingerprint = fingerprint;
        SSLContext trust = fingerprint == null ? null : TestCertificates.trusting(certificateFile());
        this.http = client(trust, null);
        this.browser = client(trust, new CookieManager());
    }

    /** Starts a server on the data directory with plain HTTP (no TLS) and waits until it listens. */
    public static ServerProcess start(Path data, String... settings) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--allot.tls.enabled=false"));
        args.addAll(List.of(settings));
        return startHttps(data, args.toArray(String[]::new));
    }

    /**
     * Starts a server on the data directory with the settings given and no others (HTTPS unless they turn it off), and
     * waits until it listens.
     */
    public static ServerProcess startHttps(Path data, String... settings) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "--allot.data-directory=" + data,
                "--server.port=0",
                "--allot.bootstrap.client-id=" + CLIENT_ID,
                "--allot.bootstrap.client-secret=" + CLIENT_SECRET,
                "--allot.bootstrap.admin-password=" + ADMIN_PASSWORD));
        args.addAll(List.of(settings));
        JavaProcess process = JavaProcess.start("org.allot.server.AllotServer", args);
        try {
            Matcher m = LISTENING.matcher(process.await("Allot is listening on", Duration.ofMinutes(2)));
            if (!m.find()) {
                throw new AssertionError("no port in the banner:\n" + process.output());
            }
            String fingerprint = null;
            if (m.group(1).startsWith("https:")) {
                Matcher f = FINGERPRINT.matcher(process.await("SHA-256 fingerprint", Duration.ofSeconds(10)));
                if (!f.find()) {
                    throw new AssertionError("no certificate fingerprint in the banner:\n" + process.output());
                }
                fingerprint = f.group(1);
            }
            return new ServerProcess(process, data, m.group(1), fingerprint);
        } catch (AssertionError | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    private static HttpClient client(SSLContext trust, CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (trust != null) {
            builder.sslContext(trust);
        }
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /** Where the server listens, as its banner says: {@code https://localhost:port} or {@code http://…}. */
    public String base() {
        return base;
    }

    /** The SHA-256 fingerprint of its certificate, as the banner prints it (null without HTTPS). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The certificate the server generated in its data directory. */
    public Path certificateFile() {
        return data.resolve("tls/certificate.pem");
    }

    /** An answer: status, Retry-After and Location (or null), body, how long it took, and every header. */
    public record Answer(
            int status, String retryAfter, String location, String body, Duration took, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String errorCode() {
            return json().path("error").path("code").asString();
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Fetches an access token for the first app. */
    public Answer tokenRequest(Duration timeout) {
        return tokenRequest(CLIENT_ID, CLIENT_SECRET, timeout);
    }

    /** Fetches an access token for an app. */
    public Answer tokenRequest(String clientId, String clientSecret, Duration timeout) {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(URI.create(base + "/oauth2/v2.0/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8))),
                timeout);
    }

    /** An API request as the first app (Global Administrator). */
    public Answer api(String method, String path, String body, Duration timeout) {
        if (token == null) {
            Answer answer = tokenRequest(Duration.ofSeconds(30));
            if (answer.status() != 200) {
                throw new AssertionError("no token: " + answer);
            }
            token = answer.json().get("access_token").asString();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, timeout);
    }

    /** An API request with an access token. */
    public Answer api(String method, String path, String body, String accessToken, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + accessToken)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, timeout);
    }

    /** A request without credentials. */
    public Answer get(String path, Duration timeout) {
        return send(http, HttpRequest.newBuilder(URI.create(base + path)), timeout);
    }

    /** A page of the admin center, in the session {@link #signIn} opened. */
    public Answer page(String path, Duration timeout) {
        return send(browser, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"), timeout);
    }

    /**
     * Signs the first administrator in to the admin center; later {@link #page} calls carry the session. Returns the
     * answer to the sign-in form.
     */
    public Answer signIn() {
        Matcher csrf = CSRF_FIELD.matcher(page("/login", Duration.ofSeconds(30)).body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        Answer signedIn = send(
                browser,
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                Duration.ofSeconds(30));
        if (signedIn.status() != 302 || page("/", Duration.ofSeconds(30)).status() != 200) {
            throw new AssertionError("sign-in failed: " + signedIn);
        }
        return signedIn;
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) {
        return send(http, request, timeout);
    }

    private static Answer send(HttpClient client, HttpRequest.Builder request, Duration timeout) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - start),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no answer within "
                            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The embedded PostgreSQL's postmaster, as its lock file names it. */
    public long postmasterPid() {
        return Long.parseLong(postmasterLine(0));
    }

    /** The embedded PostgreSQL's port, as its lock file names it. */
    public int databasePort() {
        return Integer.parseInt(postmasterLine(3));
    }

    private String postmasterLine(int index) {
        try {
            return Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .get(index)
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster and every process it started. */
    public List<Long> databaseProcesses() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, {@code KILL}) to processes; those already gone are skipped. */
    public static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A connection to the embedded database as its superuser with this password (null: none). */
    public Connection connect(String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort() + "/postgres", properties);
    }

    /** A connection with the password the server keeps in its data directory, if it keeps one. */
    public Connection connectAsOwner() throws SQLException {
        Path file = data.resolve("postgres-password");
        try {
            return connect(Files.exists(file) ? Files.readString(file).strip() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String randomName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The port the server listens on. */
    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    public JavaProcess process() {
        return process;
    }

    public String output() {
        return process.output();
    }

    /** Asks the server to stop (SIGTERM) and waits for it; returns how long that took. */
    public Duration stop(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        process.terminate();
        process.waitFor(timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
