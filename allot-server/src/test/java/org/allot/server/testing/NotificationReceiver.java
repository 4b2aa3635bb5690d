package org.allot.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.allot.server.security.tls.CertificateNames;
import org.allot.server.security.tls.SelfSignedCertificate;
import org.allot.server.security.tls.ServerCertificate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber's HTTPS endpoint for change notifications, with a self-signed certificate the tests' server is told to
 * trust ({@link #certificate()}): each path ({@link #url}) answers Graph's validation handshake by echoing the token,
 * or refuses it, and records the notifications POSTed to it, answering 202 — or 503 for as many deliveries as it is
 * told to fail.
 */
@SuppressForbidden("com.sun.net.httpserver is the JDK's supported, exported HTTPS server (module jdk.httpserver), not"
        + " an internal class; forbidden-apis lists every com.sun package")
public final class NotificationReceiver {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static NotificationReceiver shared;

    private final Path folder;
    private final ServerCertificate certificate;
    private final HttpsServer server;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** What one path does and what it received. */
    public static final class Endpoint {
        volatile boolean refuseHandshake;
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger validations = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<JsonNode> received = new ArrayList<>();

        public Endpoint refuseHandshake() {
            refuseHandshake = true;
            return this;
        }

        /** Answers the next {@code n} deliveries 503. */
        public Endpoint failNext(int n) {
            failuresLeft.set(n);
            return this;
        }

        public int validations() {
            return validations.get();
        }

        /** Deliveries answered 503 so far. */
        public int failed() {
            return failed.get();
        }

        /** Every item of every {@code value} array received, in order. */
        public synchronized List<JsonNode> notifications() {
            List<JsonNode> items = new ArrayList<>();
            received.forEach(body -> body.path("value").forEach(items::add));
            return items;
        }

        /** Waits (up to 20 s) until the items received satisfy the condition; returns them. */
        public List<JsonNode> await(Predicate<List<JsonNode>> condition) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                List<JsonNode> items = notifications();
                if (condition.test(items)) {
                    return items;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not received in time; got " + items);
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        synchronized void add(JsonNode body) {
            received.add(body);
        }
    }

    private NotificationReceiver() {
        try {
            folder = Files.createTempDirectory("allot-notification-receiver");
            certificate =
                    SelfSignedCertificate.obtain(folder, CertificateNames.forThisMachine(List.of()), Clock.systemUTC());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "receiver",
                    certificate.privateKey(),
                    new char[0],
                    certificate.chain().toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, new char[0]);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "notification-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one receiver of a test run (its certificate is given to the server at start). */
    public static synchronized NotificationReceiver shared() {
        if (shared == null) {
            shared = new NotificationReceiver();
        }
        return shared;
    }

    /** The PEM file of the receiver's certificate. */
    public Path certificate() {
        return certificate.file();
    }

    /** A new path of the receiver, and its HTTPS URL. */
    public Endpoint endpoint(String name) {
        Endpoint endpoint = new Endpoint();
        endpoints.put("/" + name, endpoint);
        return endpoint;
    }

    public String url(String name) {
        return "https://localhost:" + server.getAddress().getPort() + "/" + name;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("validationToken=")) {
                endpoint.validations.incrementAndGet();
                if (endpoint.refuseHandshake) {
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                byte[] token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
                return;
            }
            if (endpoint.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                endpoint.failed.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            endpoint.add(JSON.readTree(body));
            exchange.sendResponseHeaders(202, -1);
        }
    }
}
