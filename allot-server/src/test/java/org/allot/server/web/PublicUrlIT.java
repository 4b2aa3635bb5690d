package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code allot.public-url} set, every link and the tokens' issuer name that URL, whatever host a request names:
 * a forged {@code Host} header, or {@code X-Forwarded-*} headers from an address that is not a trusted proxy.
 */
@TestPropertySource(properties = "allot.public-url=https://allot.example.com")
class PublicUrlIT extends ApiIT {
    private static final String PUBLIC = "https://allot.example.com";
    private static final Map<String, String> FORGED = Map.of(
            "Host", "evil.example",
            "X-Forwarded-Host", "evil-forwarded.example",
            "X-Forwarded-Proto", "http",
            "X-Forwarded-Port", "8000");

    @Test
    void linksNameThePublicUrlWhateverHostTheRequestNames() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (String name : List.of("ann", "bob")) {
            admin.post("/v1.0/users", """
                    {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s@%s"}""".formatted(name, name, name, admin.domain));
        }

        RawHttp.Answer page = RawHttp.to(port).get("/v1.0/users?$top=1", with(FORGED, admin.token()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("@odata.context").asString()).isEqualTo(PUBLIC + "/v1.0/$metadata#users");
        assertThat(page.json().path("@odata.nextLink").asString()).startsWith(PUBLIC + "/v1.0/users?");
        assertThat(page.body()).doesNotContain("evil");
    }

    @Test
    void tokensAreIssuedByThePublicUrlForMicrosoftGraph() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        RawHttp.Answer answer = tokenRequest(admin, FORGED);

        assertThat(answer.status()).isEqualTo(200);
        AccessToken token = AccessToken.parse(answer.json().path("access_token").asString());
        assertThat(token.issuer()).isEqualTo(PUBLIC + "/" + admin.tenant + "/v2.0");
        assertThat(token.audiences()).containsExactly("https://graph.microsoft.com");
        assertThat(token.claims().path("tid").asString()).isEqualTo(admin.tenant.toString());
        RawHttp.Answer used = RawHttp.to(port)
                .get(
                        "/v1.0/organization",
                        with(FORGED, answer.json().path("access_token").asString()));
        assertThat(used.status()).isEqualTo(200);
    }

    @Test
    void theOAuthMetadataNamesThePublicUrlAndOnlyWhatAllotOffers() {
        RawHttp.Answer answer = RawHttp.to(port).get("/.well-known/oauth-authorization-server", FORGED);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode metadata = answer.json();
        assertThat(metadata.path("issuer").asString()).isEqualTo(PUBLIC);
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(PUBLIC + "/oauth2/v2.0/token");
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(PUBLIC + "/discovery/v2.0/keys");
        assertThat(texts(metadata.path("grant_types_supported"))).containsExactly("client_credentials");
        assertThat(texts(metadata.path("token_endpoint_auth_methods_supported")))
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt");
        assertThat(metadata.has("authorization_endpoint")).isFalse();
        assertThat(metadata.has("introspection_endpoint")).isFalse();
        assertThat(metadata.has("revocation_endpoint")).isFalse();
        assertThat(answer.body()).doesNotContain("evil");
    }

    /** A token request for the app, with the headers given. */
    static RawHttp.Answer tokenRequest(RawHttp http, ApiClient app, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((app.clientId + ":" + app.secret).getBytes(StandardCharsets.UTF_8)));
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return http.send(
                "POST",
                "/oauth2/v2.0/token",
                all,
                "grant_type=client_credentials&scope="
                        + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8));
    }

    private RawHttp.Answer tokenRequest(ApiClient app, Map<String, String> headers) {
        return tokenRequest(RawHttp.to(port), app, headers);
    }

    static Map<String, String> with(Map<String, String> headers, String token) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(v -> all.add(v.asString()));
        return all;
    }
}
