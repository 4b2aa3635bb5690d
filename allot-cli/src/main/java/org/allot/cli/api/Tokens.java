package org.allot.cli.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.allot.cli.Failure;

/** OAuth 2.0 client credentials at {@code POST /oauth2/v2.0/token}. */
final class Tokens {
    private Tokens() {}

    static String fetch(Api api, Credentials credentials) {
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.url() + "/oauth2/v2.0/token"))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .build();
        HttpResponse<String> response = api.exchange(request);
        if (response.statusCode() == 401 && expired(response.body())) {
            throw Failure.failed(
                    "InvalidClient",
                    "The client secret of " + credentials.clientId() + " has expired: a Global Administrator gives"
                            + " the app a new one ('allot app secret " + credentials.clientId() + "', or 'New secret'"
                            + " on the admin center's Administrators page), then run 'allot login' again.");
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw Failure.failed(
                    "InvalidClient",
                    "The server at " + credentials.url() + " refused the client id and secret of "
                            + credentials.clientId() + ": check them, then run 'allot login' again (or fix"
                            + " ALLOT_CLIENT_ID and ALLOT_CLIENT_SECRET).");
        }
        if (response.statusCode() >= 300) {
            throw Failure.failed(
                    "UnexpectedResponse",
                    credentials.url() + "/oauth2/v2.0/token answered " + response.statusCode()
                            + ": is this an Allot server?");
        }
        String token = Api.JSON.readTree(response.body()).path("access_token").asString("");
        if (token.isEmpty()) {
            throw Failure.failed(
                    "UnexpectedResponse",
                    credentials.url() + "/oauth2/v2.0/token gave no access token: is this an Allot server?");
        }
        return token;
    }

    /** Whether the token endpoint said the secret was right but has expired (Entra's AADSTS7000222). */
    private static boolean expired(String body) {
        try {
            return Api.JSON
                    .readTree(body)
                    .path("error_description")
                    .asString("")
                    .contains("AADSTS7000222");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
