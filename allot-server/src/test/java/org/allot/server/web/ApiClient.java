package org.allot.server.web;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.allot.core.TenantId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app of a tenant calling the API: with Microsoft's Graph SDK pointed at Allot, and with plain HTTP for Allot's
 * own extensions and for requests no SDK would send (malformed bodies and the like).
 */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final TenantId tenant;
    public final String domain;
    public final String clientId;
    public final String secret;
    public final String base;
    private final String token;
    private final GraphServiceClient graph;

    ApiClient(TenantId tenant, String domain, String clientId, String secret, int port) {
        this.tenant = tenant;
        this.domain = domain;
        this.clientId = clientId;
        this.secret = secret;
        this.base = "http://localhost:" + port;
        this.token = token(base, clientId, secret);
        this.graph = new GraphServiceClient(new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
                    @Override
                    public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                        return token;
                    }

                    @Override
                    public AllowedHostsValidator getAllowedHostsValidator() {
                        return new AllowedHostsValidator();
                    }
                }),
                base + "/v1.0",
                GraphClientFactory.create().build()));
    }

    public GraphServiceClient graph() {
        return graph;
    }

    /** The access token the app got when it was made. */
    public String token() {
        return token;
    }

    /** A response: status, headers and the JSON body (null when empty). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String errorCode() {
            return body.path("error").path("code").asString();
        }

        public String errorMessage() {
            return body.path("error").path("message").asString();
        }
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Sends a JSON body of raw bytes, which need not be valid UTF-8. */
    public Response sendBytes(String method, String path, byte[] body) {
        return send(method, path, "application/json", body, Map.of());
    }

    /** Sends a body (none when null) of raw bytes as the content type, with more headers. */
    public Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The answer to a request; its body is null when empty or not JSON (an HTML error page, say). */
    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), json(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String token(String base, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Response response = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/v2.0/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8)))
                .build());
        if (response.status() != 200) {
            throw new IllegalStateException("no token: " + response.status() + " " + response.body());
        }
        return response.body().get("access_token").asString();
    }
}
