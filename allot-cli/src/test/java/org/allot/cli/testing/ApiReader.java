package org.allot.cli.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the server holds, with plain HTTP: how tests check what a command did, without the CLI's code (and sets
 * up, now and then, what the CLI has no command for).
 */
public final class ApiReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String token;

    ApiReader(String url, String clientId, String clientSecret) {
        this.url = url;
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.token = send(HttpRequest.newBuilder(URI.create(url + "/oauth2/v2.0/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build())
                .path("access_token")
                .asString();
    }

    /** GET of a path whose query values are given as {@code name, value} pairs (encoded here). */
    public JsonNode get(String path, String... query) {
        StringBuilder uri = new StringBuilder(url).append(path);
        for (int i = 0; i < query.length; i += 2) {
            uri.append(i == 0 ? '?' : '&')
                    .append(query[i])
                    .append('=')
                    .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return send(HttpRequest.newBuilder(URI.create(uri.toString()))
                .header("Authorization", "Bearer " + token)
                .header("ConsistencyLevel", "eventual")
                .GET()
                .build());
    }

    /** A PATCH, for a test's setup of what the CLI has no command for (tenant settings). */
    public JsonNode patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A POST, for a test's setup of what the CLI has no command for (custom products, plan rules). */
    public JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A GET of a download (a CSV file): its body as text. */
    public String text(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url + path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A DELETE; its status. */
    public int delete(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url + path))
                                    .header("Authorization", "Bearer " + token)
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user with this userPrincipalName and the properties asked for; a missing node when there is none. */
    public JsonNode user(String upn, String select) {
        return get("/v1.0/users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8), "$select", select);
    }

    /** The id of a product of the catalogue. */
    public String skuId(String partNumber) {
        return get("/allot/v1/products/" + partNumber).path("skuId").asString();
    }

    /** How many users match a filter. */
    public long countUsers(String filter) {
        return get("/v1.0/users", "$filter", filter, "$count", "true", "$top", "1")
                .path("@odata.count")
                .asLong();
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 404 ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
