package org.allot.cli.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.allot.cli.process.Failure;

/** OAuth 2.0 client credentials at {@code POST /oauth2/v2.0/token}. */
final class Tokens {
    private Tokens() {}

    static String fetch(Api api, Credentials credentials) {
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic " + basic);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        Api.Response response = api.exchange(
                "POST",
                URI.create(credentials.url() + "/oauth2/v2.0/token"),
                headers,
                "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
                Duration.ofMinutes(1));
        if (response.status() == 401 && expired(response.body())) {
            throw Failure.failed(
                    "InvalidClient",
                    "The client secret of " + credentials.clientId() + " has expired: a Global Administrator gives"
                            + " the app a new one ('allot app secret " + credentials.clientId() + "', or 'New secret'"
                            + " on the admin center's Administrators page), then run 'allot login' again.");
        }
        if (response.status() == 400 || response.status() == 401) {
            throw Failure.failed(
                    "InvalidClient",
                    "The server at " + credentials.url() + " refused the client id and secret of "
                            + credentials.clientId() + ": check them, then run 'allot login' again (or fix"
                            + " ALLOT_CLIENT_ID and ALLOT_CLIENT_SECRET).");
        }
        if (response.status() >= 300) {
            throw Failure.failed(
                    "UnexpectedResponse",
                    credentials.url() + "/oauth2/v2.0/token answered " + response.status()
                            + ": is this an Allot server?");
        }
        String token = JsonTree.parse(response.body()).path("access_token").asString("");
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
            return JsonTree.parse(body).path("error_description").asString("").contains("AADSTS7000222");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
