package org.allot.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.allot.cli.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's REST API over HTTP or HTTPS (trusting what {@link ServerTrust} says): a client-credentials token fetched
 * on first use, JSON in and out, Graph's paging followed, 429 and 503 retried after {@code Retry-After}, and every
 * error turned into an {@link ApiError} or a {@link Failure} that says what to do.
 */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final int RETRIES = 6;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Credentials credentials;
    private final TrustCheck trust;
    private final HttpClient http;
    private final SavedToken saved;
    private volatile String token;

    public Api(Credentials credentials) {
        this(credentials, null);
    }

    /** An API client that takes its token from, and keeps new ones in, {@code saved} (null: none). */
    public Api(Credentials credentials, SavedToken saved) {
        this.credentials = credentials;
        this.saved = saved;
        this.trust = new TrustCheck(credentials.trust());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(trust.context())
                .build();
    }

    public Credentials credentials() {
        return credentials;
    }

    public JsonNode get(Object pathAndQuery) {
        return call("GET", pathAndQuery.toString(), null);
    }

    public <T> T get(Object pathAndQuery, Class<T> type) {
        return JSON.treeToValue(get(pathAndQuery), type);
    }

    /** Every item of a collection, following {@code @odata.nextLink}; at most {@code limit} (0: all). */
    public <T> List<T> list(Object pathAndQuery, Class<T> type, int limit) {
        List<T> items = new ArrayList<>();
        String next = pathAndQuery.toString();
        while (next != null) {
            JsonNode page = get(next);
            for (JsonNode item : page.path("value")) {
                items.add(JSON.treeToValue(item, type));
                if (limit > 0 && items.size() >= limit) {
                    return items;
                }
            }
            next = page.hasNonNull("@odata.nextLink")
                    ? relative(page.get("@odata.nextLink").asString())
                    : null;
        }
        return items;
    }

    public <T> List<T> list(Object pathAndQuery, Class<T> type) {
        return list(pathAndQuery, type, 0);
    }

    public JsonNode post(Object path, Object body) {
        return call("POST", path.toString(), body);
    }

    public <T> T post(Object path, Object body, Class<T> type) {
        return JSON.treeToValue(post(path, body), type);
    }

    public <T> T put(Object path, Object body, Class<T> type) {
        return JSON.treeToValue(call("PUT", path.toString(), body), type);
    }

    public JsonNode patch(Object path, Object body) {
        return call("PATCH", path.toString(), body);
    }

    public <T> T patch(Object path, Object body, Class<T> type) {
        return JSON.treeToValue(patch(path, body), type);
    }

    public void delete(Object path) {
        call("DELETE", path.toString(), null);
    }

    /** The access token (fetched with the client credentials when there is none yet). */
    public String token() {
        String current = token;
        if (current == null) {
            synchronized (this) {
                current = token;
                if (current == null) {
                    current = fetchToken();
                    token = current;
                }
            }
        }
        return current;
    }

    private String fetchToken() {
        if (saved != null) {
            var kept = saved.read(credentials);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        String fresh = Tokens.fetch(this, credentials);
        if (saved != null) {
            saved.write(credentials, fresh);
        }
        return fresh;
    }

    private synchronized void forgetToken() {
        token = null;
        if (saved != null) {
            saved.delete();
        }
    }

    private JsonNode call(String method, String pathAndQuery, Object body) {
        HttpResponse<String> response = send(method, pathAndQuery, body, true);
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw Failure.failed(
                    "UnexpectedResponse", method + " " + pathAndQuery + " answered something that is not JSON.");
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, Object body, boolean mayRenewToken) {
        String json = body == null ? null : JSON.writeValueAsString(body);
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(credentials.url() + pathAndQuery))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .header("ConsistencyLevel", "eventual")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = exchange(request.build());
            int status = response.statusCode();
            if (status < 300) {
                return response;
            }
            if (status == 401 && mayRenewToken) {
                forgetToken();
                return send(method, pathAndQuery, body, false);
            }
            if ((status == 429 || status == 503) && attempt < RETRIES) {
                pause(retryAfter(response, attempt));
                continue;
            }
            throw error(response);
        }
    }

    /** Sends a request, turning what goes wrong on the way into a failure that names the server. */
    HttpResponse<String> exchange(HttpRequest request) {
        String server = credentials.url();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 400
                    && request.uri().getScheme().equals("http")
                    && String.valueOf(response.body()).contains("requires TLS")) {
                throw Failure.failed(
                        "HttpsRequired",
                        "The Allot server at " + server + " speaks HTTPS only: use "
                                + server.replaceFirst("^http:", "https:") + " (allot login --url, or ALLOT_URL).");
            }
            return response;
        } catch (SSLHandshakeException e) {
            throw TlsRefusals.untrusted(server, trust, e);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(server, "nothing answers there");
        } catch (HttpTimeoutException e) {
            throw Failure.failed("Timeout", "The Allot server at " + server + " did not answer in time.");
        } catch (IOException e) {
            throw unreachable(server, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("Interrupted", "Interrupted while waiting for " + server + ".");
        }
    }

    /** The server's error body as an {@link ApiError}: Graph's {@code {"error":{"code","message"}}} or OAuth's. */
    static ApiError error(HttpResponse<String> response) {
        int status = response.statusCode();
        try {
            JsonNode body = JSON.readTree(response.body() == null ? "" : response.body());
            JsonNode error = body.path("error");
            if (error.isObject()) {
                return new ApiError(
                        status,
                        error.path("code").asString("HTTP" + status),
                        error.path("message").asString(""));
            }
            if (error.isString()) {
                return new ApiError(
                        status,
                        error.asString(),
                        body.path("error_description").asString("The server refused the request (" + status + ")."));
            }
        } catch (JacksonException e) {
            // not JSON: described below
        }
        return new ApiError(status, "HTTP" + status, "The server answered " + status + " without an error body.");
    }

    private static Failure unreachable(String server, String why) {
        return Failure.failed(
                "ServerUnreachable",
                "Cannot reach the Allot server at " + server + " (" + why + "). Is it running? The URL comes from"
                        + " 'allot login' or ALLOT_URL.");
    }

    private String relative(String link) {
        URI uri = URI.create(link);
        String path = uri.getRawPath();
        String base = URI.create(credentials.url()).getRawPath();
        if (base != null && !base.isEmpty() && path.startsWith(base)) {
            path = path.substring(base.length());
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Duration retryAfter(HttpResponse<String> response, int attempt) {
        Duration wait = response.headers()
                .firstValue("Retry-After")
                .flatMap(Api::seconds)
                .orElse(Duration.ofMillis(250L << attempt));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Waits; being interrupted is a failure that stops the command. */
    public static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("Interrupted", "Interrupted while waiting.");
        }
    }

    /** The claims of a JWT access token (its payload), without checking its signature. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw Failure.failed("UnexpectedResponse", "The access token is not a JWT.");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
