package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server run as the README runs it, with no settings about transport: it speaks HTTPS only, with a certificate it
 * generated at first start into its data directory and whose fingerprint it printed; Graph clients that trust that
 * certificate work, those that do not are stopped by the handshake; a restart keeps the certificate. The last test
 * restarts the server, so the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern PLAIN_HTTP = Pattern.compile("plain HTTP: (http://localhost:\\d+)");

    @TempDir
    static Path data;

    private ServerProcess server;

    @BeforeAll
    void start() throws InterruptedException {
        server = ServerProcess.startHttps(data);
    }

    @AfterAll
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    @Order(1)
    void itListensOnHttpsWithTheGeneratedCertificateWhoseFingerprintItPrinted() throws Exception {
        assertThat(server.base()).startsWith("https://localhost:");
        List<X509Certificate> presented = TestCertificates.presented("localhost", port(server.base()));
        assertThat(TestCertificates.sha256(presented.get(0))).isEqualTo(server.fingerprint());
        assertThat(TestCertificates.read(server.certificateFile())).containsExactlyElementsOf(presented);

        List<String> names = new ArrayList<>();
        presented
                .get(0)
                .getSubjectAlternativeNames()
                .forEach(n -> names.add(n.get(1).toString()));
        assertThat(names)
                .contains(
                        "localhost",
                        "127.0.0.1",
                        "0:0:0:0:0:0:0:1",
                        InetAddress.getLocalHost().getHostName());

        assertThat(Files.getPosixFilePermissions(server.certificateFile().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(server.certificateFile().getParent())) {
            assertThat(files).allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                    .as(f.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }

        ServerProcess.Answer organization = server.api("GET", "/v1.0/organization", null, WAIT);
        assertThat(organization.status())
                .as("a token and an API call over HTTPS, trusting the certificate file as curl --cacert does")
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void plainHttpIsNotServed() throws Exception {
        String plain = server.base().replace("https://", "http://");
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        for (String path : List.of("/actuator/health", "/login", "/oauth2/v2.0/token")) {
            HttpResponse<String> answer;
            try {
                answer = http.send(
                        HttpRequest.newBuilder(URI.create(plain + path))
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException refused) {
                continue;
            }
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("access_token", "UP", "password");
        }
    }

    @Test
    @Order(3)
    void responsesCarryHstsAndPrivacyHeadersAndTheSessionCookieIsSecureAndSameSite() {
        for (ServerProcess.Answer answer :
                List.of(server.get("/login", WAIT), server.get("/v1.0/users", WAIT), server.get("/nowhere", WAIT))) {
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("max-age=31536000"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.headers().firstValue("Permissions-Policy"))
                    .hasValueSatisfying(h -> assertThat(h).contains("camera=()", "microphone=()", "geolocation=()"));
        }

        ServerProcess.Answer signedIn = server.signIn();
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                        .contains("; secure", "; httponly", "; samesite=lax"));
    }

    @Test
    @Order(3)
    void aScriptsRequestsShareOneTlsConnectionPastAHundred() throws Exception {
        // Tomcat's default closed a kept connection after 100 requests: a script paid a new TLS handshake (about
        // 10 ms here) every 100 calls, and a join and its read every 50th time
        AtomicInteger sockets = new AtomicInteger();
        SSLSocketFactory counting = counting(TestCertificates.trusting(server.certificateFile()), sockets);
        int requests = 250;
        for (int i = 0; i < requests; i++) {
            HttpsURLConnection connection = (HttpsURLConnection)
                    URI.create(server.base() + "/css/allot.css").toURL().openConnection();
            connection.setSSLSocketFactory(counting);
            connection.setConnectTimeout((int) WAIT.toMillis());
            connection.setReadTimeout((int) WAIT.toMillis());
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getHeaderField("Connection"))
                    .as("request %d", i + 1)
                    .isNotEqualToIgnoringCase("close");
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
        }
        assertThat(sockets)
                .as("TLS connections opened for %d requests", requests)
                .hasValue(1);
    }

    @Test
    @Order(4)
    void theGraphSdkWorksOverHttpsWhenItTrustsTheCertificateAndNotOtherwise() {
        String token = server.tokenRequest(WAIT).json().get("access_token").asString();
        X509TrustManager trust = TestCertificates.trustManager(server.certificateFile());
        OkHttpClient trusting = GraphClientFactory.create()
                .sslSocketFactory(TestCertificates.context(trust).getSocketFactory(), trust)
                .build();

        List<Organization> organizations =
                graph(token, trusting).organization().get().getValue();
        assertThat(organizations).singleElement().satisfies(o -> assertThat(o.getDisplayName())
                .isEqualTo("My Organization"));

        assertThatThrownBy(() -> graph(token, GraphClientFactory.create().build())
                        .organization()
                        .get())
                .as("the system's authorities do not vouch for a self-signed certificate")
                .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
    }

    @Test
    @Order(5)
    void aRestartKeepsTheCertificateAndPlainHttpCanRedirectToHttps() throws Exception {
        String fingerprint = server.fingerprint();
        String certificate = Files.readString(server.certificateFile());
        server.stop(Duration.ofSeconds(60));

        server = ServerProcess.startHttps(data, "--allot.tls.http=redirect", "--allot.tls.http-port=0");
        assertThat(server.fingerprint()).isEqualTo(fingerprint);
        assertThat(Files.readString(server.certificateFile())).isEqualTo(certificate);

        Matcher plain = PLAIN_HTTP.matcher(server.process().await("plain HTTP", WAIT));
        assertThat(plain.find()).as(server.output()).isTrue();
        HttpResponse<Void> redirected = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(plain.group(1) + "/v1.0/users?$top=1"))
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(redirected.statusCode()).isEqualTo(308);
        assertThat(redirected.headers().firstValue("Location")).contains(server.base() + "/v1.0/users?$top=1");
        assertThat(redirected.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS is never sent over plain HTTP")
                .isEmpty();
        assertThat(server.api("GET", "/v1.0/organization", null, WAIT).status()).isEqualTo(200);
    }

    private GraphServiceClient graph(String token, OkHttpClient http) {
        AllowedHostsValidator localhost = new AllowedHostsValidator("localhost");
        return new GraphServiceClient(new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
                    @Override
                    public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                        return localhost.isUrlHostValid(uri) && uri.getScheme().equals("https") ? token : "";
                    }

                    @Override
                    public AllowedHostsValidator getAllowedHostsValidator() {
                        return localhost;
                    }
                }),
                server.base() + "/v1.0",
                http));
    }

    /** A socket factory that counts the sockets it opens, so a test can tell kept connections from new ones. */
    private static SSLSocketFactory counting(SSLContext context, AtomicInteger opened) {
        SSLSocketFactory sockets = context.getSocketFactory();
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return sockets.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return sockets.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket(socket, host, port, autoClose);
            }

            @Override
            public Socket createSocket() throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                    throws IOException {
                opened.incrementAndGet();
                return sockets.createSocket(address, port, local, localPort);
            }
        };
    }

    private static int port(String base) {
        return URI.create(base).getPort();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}
