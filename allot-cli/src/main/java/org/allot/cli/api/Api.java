package org.allot.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.cli.process.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The server's REST API over HTTP or HTTPS (trusting what {@link ServerTrust} says): a client-credentials token fetched
 * on first use, JSON in and out, Graph's paging followed, 429 and 503 retried after {@code Retry-After}, and every
 * error turned into an {@link ApiError} or a {@link Failure} that says what to do.
 *
 * <p>Requests go through {@link Transport}.
 */
public final class Api {
    private static final int RETRIES = 6;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Credentials credentials;
    private final Transport transport;
    private final SavedToken saved;
    private volatile String token;

    /**
     * The object mapper, built on first use: binding records and writing JSON need it, reading answers does not
     * ({@link JsonTree}).
     */
    public static JsonMapper json() {
        return Mapper.JSON;
    }

    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** An answer of the server: its status, body (empty when none) and {@code Retry-After} header (or null). */
    record Response(int status, String body, String retryAfter) {}

    public Api(Credentials credentials) {
        this(credentials, null);
    }

    /** An API client that takes its token from, and keeps new ones in, {@code saved} (null: none). */
    public Api(Credentials credentials, SavedToken saved) {
        this.credentials = credentials;
        this.saved = saved;
        this.transport = new Transport(credentials.url(), new TrustCheck(credentials.trust()));
    }

    public Credentials credentials() {
        return credentials;
    }

    public JsonNode get(Object pathAndQuery) {
        return call("GET", pathAndQuery.toString(), null);
    }

    public <T> T get(Object pathAndQuery, Class<T> type) {
        return bind(get(pathAndQuery), type);
    }

    /** A tree as a record (a tree as a tree, without the mapper). */
    public static <T> T bind(JsonNode tree, Class<T> type) {
        return type == JsonNode.class ? type.cast(tree) : json().treeToValue(tree, type);
    }

    /** Every item of a collection, following {@code @odata.nextLink}; at most {@code limit} (0: all). */
    public <T> List<T> list(Object pathAndQuery, Class<T> type, int limit) {
        List<T> items = new ArrayList<>();
        String next = pathAndQuery.toString();
        while (next != null) {
            JsonNode page = get(next);
            for (JsonNode item : page.path("value")) {
                items.add(bind(item, type));
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

    /**
     * Hands each page of a collection to {@code page} as it arrives, following {@code @odata.nextLink}: a collection
     * of any length, never held whole.
     */
    public void pages(Object pathAndQuery, java.util.function.Consumer<JsonNode> page) {
        String next = pathAndQuery.toString();
        while (next != null) {
            JsonNode body = get(next);
            page.accept(body);
            next = body.hasNonNull("@odata.nextLink")
                    ? relative(body.get("@odata.nextLink").asString())
                    : null;
        }
    }

    public <T> List<T> list(Object pathAndQuery, Class<T> type) {
        return list(pathAndQuery, type, 0);
    }

    public JsonNode post(Object path, Object body) {
        return call("POST", path.toString(), body);
    }

    public <T> T post(Object path, Object body, Class<T> type) {
        return bind(post(path, body), type);
    }

    public <T> T put(Object path, Object body, Class<T> type) {
        return bind(call("PUT", path.toString(), body), type);
    }

    public JsonNode patch(Object path, Object body) {
        return call("PATCH", path.toString(), body);
    }

    public <T> T patch(Object path, Object body, Class<T> type) {
        return bind(patch(path, body), type);
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
        Response response = send(method, pathAndQuery, body, true);
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JsonTree.parse(text);
        } catch (JacksonException e) {
            throw Failure.failed(
                    "UnexpectedResponse", method + " " + pathAndQuery + " answered something that is not JSON.");
        }
    }

    /**
     * Writes a download ({@code accept}: its media type, such as {@code text/csv}) to {@code sink} as it arrives: a
     * file of any length, never held whole.
     */
    public void download(Object pathAndQuery, String accept, Writer sink) {
        send("GET", pathAndQuery.toString(), null, true, accept, sink);
    }

    private Response send(String method, String pathAndQuery, Object body, boolean mayRenewToken) {
        return send(method, pathAndQuery, body, mayRenewToken, "application/json", null);
    }

    private Response send(
            String method, String pathAndQuery, Object body, boolean mayRenewToken, String accept, Writer sink) {
        String json = body == null ? null : json().writeValueAsString(body);
        for (int attempt = 1; ; attempt++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token());
            headers.put("Accept", accept);
            headers.put("ConsistencyLevel", "eventual");
            if (json != null) {
                headers.put("Content-Type", "application/json");
            }
            Response response = sink == null
                    ? exchange(
                            method, URI.create(credentials.url() + pathAndQuery), headers, json, Duration.ofMinutes(5))
                    : transport.exchange(
                            method,
                            URI.create(credentials.url() + pathAndQuery),
                            headers,
                            json,
                            Duration.ofMinutes(5),
                            sink);
            int status = response.status();
            if (status < 300) {
                return response;
            }
            if (status == 401 && mayRenewToken) {
                forgetToken();
                return send(method, pathAndQuery, body, false, accept, sink);
            }
            if ((status == 429 || status == 503) && attempt < RETRIES) {
                pause(retryAfter(response, attempt));
                continue;
            }
            throw error(response);
        }
    }

    /** Sends a request, turning what goes wrong on the way into a failure that names the server. */
    Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        return transport.exchange(method, uri, headers, body, timeout);
    }

    /** The server's error body as an {@link ApiError}: Graph's {@code {"error":{"code","message"}}} or OAuth's. */
    static ApiError error(Response response) {
        int status = response.status();
        try {
            JsonNode body = JsonTree.parse(response.body());
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

    private String relative(String link) {
        URI uri = URI.create(link);
        String path = uri.getRawPath();
        String base = URI.create(credentials.url()).getRawPath();
        if (base != null && !base.isEmpty() && path.startsWith(base)) {
            path = path.substring(base.length());
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Duration retryAfter(Response response, int attempt) {
        Duration wait = java.util.Optional.ofNullable(response.retryAfter())
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
        return JsonTree.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
