package org.allot.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plain HTTP on loopback in front of the {@link TestServer}, passing every request on as it came and noting it
 * ({@code GET /v1.0/users/ada@contoso.com?$select=id}): how many requests a command makes, read as a script's
 * administrator would read the server's access log. Requests it is told to refuse ({@link #refusing}) it answers 403
 * itself.
 */
@SuppressForbidden("com.sun.net.httpserver is the JDK's supported, exported HTTP server (module jdk.httpserver), not"
        + " an internal class; forbidden-apis lists every com.sun package")
public final class CountingProxy implements AutoCloseable {
    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<String> requests = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private CountingProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::pass);
        server.start();
    }

    /** A proxy to {@code target} (the server's plain HTTP URL). */
    public static CountingProxy to(String target) {
        return new CountingProxy(target);
    }

    /**
     * Answers the requests whose path starts with {@code path} itself, with 403 and Graph's error body, as a server
     * answers a caller whose role may not read them (or an older server that closes them).
     */
    public synchronized CountingProxy refusing(String path) {
        refused.add(path);
        return this;
    }

    /** Where to point {@code ALLOT_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests to the APIs ({@code /v1.0}, {@code /allot/v1}) since the last call, in order; forgets them. */
    public synchronized List<String> take() {
        List<String> taken = requests.stream()
                .filter(r -> r.contains(" /v1.0/") || r.contains(" /allot/v1/"))
                .toList();
        requests.clear();
        return taken;
    }

    private void pass(HttpExchange exchange) throws IOException {
        URI asked = exchange.getRequestURI();
        synchronized (this) {
            requests.add(exchange.getRequestMethod() + " " + asked.getRawPath()
                    + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()));
        }
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refuses(asked.getRawPath())) {
                byte[] denied = ("{\"error\":{\"code\":\"Authorization_RequestDenied\","
                                + "\"message\":\"Insufficient privileges to complete the operation.\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(403, denied.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(denied);
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + asked.toString()))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                        && !name.equalsIgnoreCase("transfer-encoding")
                        && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private synchronized boolean refuses(String path) {
        return refused.stream().anyMatch(path::startsWith);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
