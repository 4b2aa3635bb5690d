package org.allot.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's REST API as a Graph client sees it: a bearer token from the client-credentials endpoint, JSON bodies,
 * plain {@code java.net.http} over HTTP/1.1 with kept-alive connections.
 */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_AGE = Duration.ofMinutes(30);

    /** A response: status and parsed body (null when empty). */
    public record Response(int status, JsonNode body) {
        public Response orFail(String what) {
            if (status >= 300) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    private final String url;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private volatile String token;
    private volatile long tokenAt;

    public Api(String url, String clientId, String clientSecret) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String url() {
        return url;
    }

    public static JsonMapper json() {
        return JSON;
    }

    public Response get(String path) {
        return send("GET", path, null, false);
    }

    /** A GET with {@code ConsistencyLevel: eventual}, for {@code $count} and advanced queries. */
    public Response getEventual(String path) {
        return send("GET", path, null, true);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, false);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, false);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, false);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, false);
    }

    /** The same app on another server of the same database. */
    public Api on(String otherUrl) {
        return new Api(otherUrl, clientId, clientSecret);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response send(String method, String path, Object body, boolean eventual) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (eventual) {
            b.header("ConsistencyLevel", "eventual");
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return exchange(b.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = r.body();
            return new Response(r.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The access token the client sends (for a load client of its own, such as wrk). */
    public String accessToken() {
        return token();
    }

    private String token() {
        String current = token;
        if (current != null && System.nanoTime() - tokenAt < TOKEN_AGE.toNanos()) {
            return current;
        }
        synchronized (this) {
            if (token == null || System.nanoTime() - tokenAt >= TOKEN_AGE.toNanos()) {
                String basic = Base64.getEncoder()
                        .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/oauth2/v2.0/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                        .build();
                Response r = exchange(request).orFail("the token endpoint");
                token = r.body().path("access_token").asString();
                tokenAt = System.nanoTime();
            }
            return token;
        }
    }
}
