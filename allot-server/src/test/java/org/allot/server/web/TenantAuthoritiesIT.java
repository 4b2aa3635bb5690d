package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LoopbackAddresses;
import org.allot.server.testing.LoopbackClient;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The token endpoint and the OpenID metadata under a tenant, where MSAL and Azure Identity look for them: {@code
 * /{tenant}/oauth2/v2.0/token} and {@code /{tenant}/v2.0/.well-known/openid-configuration}, the tenant named by its
 * id, a domain it verified, or {@code organizations} / {@code common} (the client's own tenant). A tenant that does not
 * exist, or a client of another tenant, is refused as Entra refuses it, with OAuth's error body: never a token for
 * another tenant, never the sign-in page, never a 500.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantAuthoritiesIT extends ApiIT {
    private static final String GRAPH = "https://graph.microsoft.com/.default";

    @Test
    void aTokenIsIssuedUnderTheTenantsIdItsDomainOrOrganizations() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        String issuer = AccessToken.parse(app.token()).issuer();

        for (String segment : List.of(
                app.tenant.toString(),
                app.tenant.toString().toUpperCase(java.util.Locale.ROOT),
                app.domain,
                app.domain.toUpperCase(java.util.Locale.ROOT),
                "organizations",
                "common")) {
            Response answer = token(app, segment, GRAPH);

            assertThat(answer.status()).as(segment + ": " + answer.body()).isEqualTo(200);
            AccessToken token =
                    AccessToken.parse(answer.body().path("access_token").asString());
            assertThat(token.issuer()).as(segment).isEqualTo(issuer);
            assertThat(token.claims().path("tid").asString()).isEqualTo(app.tenant.toString());
            assertThat(token.audiences()).containsExactly("https://graph.microsoft.com");
            assertThat(answer.raw().headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
        String token =
                token(app, "organizations", GRAPH).body().path("access_token").asString();
        assertThat(ApiClient.send(HttpRequest.newBuilder(URI.create(app.base + "/v1.0/organization"))
                                .header("Authorization", "Bearer " + token)
                                .build())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aClientOfAnotherTenantGetsNoTokenUnderThatTenant() {
        ApiClient app = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient other = newTenant(Role.GLOBAL_READER);

        for (String segment : List.of(other.tenant.toString(), other.domain)) {
            Response answer = token(app, segment, GRAPH);

            assertThat(answer.status()).as(segment).isEqualTo(400);
            assertThat(answer.body().path("error").asString()).isEqualTo("unauthorized_client");
            assertThat(answer.body().path("error_description").asString())
                    .startsWith("AADSTS700016: Application with identifier '" + app.clientId + "' was not found in"
                            + " the directory '" + segment + "'");
            assertThat(answer.body().path("error_codes").get(0).asLong()).isEqualTo(700016);
            assertThat(answer.body().has("access_token")).isFalse();
        }
        assertThat(token(app, app.tenant.toString(), GRAPH).status()).isEqualTo(200);
    }

    @Test
    void aDomainSeveralTenantsVerifiedGivesEachOfThemTokensOfItsOwn() {
        String shared = "shared-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        ApiClient first = newTenant(shared, Role.GLOBAL_READER);
        ApiClient second = newTenant(shared, Role.GLOBAL_READER);

        for (ApiClient app : List.of(first, second)) {
            Response answer = token(app, shared, GRAPH);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(AccessToken.parse(answer.body().path("access_token").asString())
                            .claims()
                            .path("tid")
                            .asString())
                    .isEqualTo(app.tenant.toString());
        }
        JsonNode configuration = get(first, "/" + shared + "/v2.0/.well-known/openid-configuration")
                .body();
        assertThat(configuration.path("issuer").asString()).isEqualTo(publicUrl(first) + "/{tenantid}/v2.0");
        assertThat(configuration.path("token_endpoint").asString())
                .isEqualTo(publicUrl(first) + "/" + shared + "/oauth2/v2.0/token");
    }

    @Test
    void aSegmentThatNamesNoTenantIsRefusedBeforeTheClientIsAuthenticated(CapturedOutput output) {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        int before = output.length();

        for (String segment : List.of(
                UUID.randomUUID().toString(),
                "nobody.example",
                "consumers",
                "not a tenant",
                "x".repeat(300),
                "%E2%82%AC",
                "..%3B")) {
            String path = "/" + segment.replace(" ", "%20") + "/oauth2/v2.0/token";
            Response answer = ApiClient.send(tokenRequest(app.base + path, app, GRAPH));

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).isNotNull();
            if (!segment.contains("%3B")) {
                assertThat(answer.body().path("error").asString()).as(path).isEqualTo("invalid_request");
                assertThat(answer.body().path("error_description").asString())
                        .as(path)
                        .startsWith("AADSTS90002: Tenant '");
                assertThat(answer.body().path("error_codes").get(0).asLong()).isEqualTo(90002);
            }
        }
        assertThat(output.toString().substring(before)).doesNotContain("Exception");
    }

    @Test
    void wrongSecretsUnderATenantAreCountedAndThrottledAsAtTheEndpoint() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        LoopbackClient guesser = new LoopbackClient(LoopbackAddresses.next(), port);
        String path = "/" + app.tenant + "/oauth2/v2.0/token";
        for (int i = 0; i < 3; i++) {
            LoopbackClient.Answer wrong = guesser.send("POST", path, basic(app.clientId, "wrong " + i), form(GRAPH));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("\"error\":\"invalid_client\"");
        }

        assertThat(guesser.send(
                                "POST",
                                "/organizations/oauth2/v2.0/token",
                                basic(app.clientId, app.secret),
                                form(GRAPH))
                        .status())
                .as("even the right secret waits, from the guesser's address, whatever the tenant segment")
                .isEqualTo(429);
        assertThat(guesser.token(app.clientId, app.secret).status()).isEqualTo(429);
        assertThat(new LoopbackClient(LoopbackAddresses.next(), port)
                        .send("POST", path, basic(app.clientId, app.secret), form(GRAPH))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyMicrosoftGraphsDefaultScopeIsGranted() {
        ApiClient app = newTenant(Role.GLOBAL_READER);

        assertThat(token(app, "organizations", "00000003-0000-0000-c000-000000000000/.default")
                        .status())
                .isEqualTo(200);
        Response withOpenId = token(app, app.tenant.toString(), GRAPH + " openid profile offline_access");
        assertThat(withOpenId.status())
                .as("MSAL adds OpenID Connect's scopes to every request; Entra ignores them beside .default")
                .isEqualTo(200);
        assertThat(withOpenId.body().path("scope").asString()).isEqualTo(GRAPH);
        for (String scope : List.of("User.Read.All", "https://graph.microsoft.com/User.Read.All", "openid")) {
            Response answer = token(app, app.tenant.toString(), scope);

            assertThat(answer.status()).as(scope).isEqualTo(400);
            assertThat(answer.body().path("error").asString()).isEqualTo("invalid_scope");
            assertThat(answer.body().path("error_description").asString())
                    .startsWith("AADSTS1002012: The provided value for scope " + scope + " is not valid.");
        }
        Response atTheEndpoint = ApiClient.send(tokenRequest(app.base + "/oauth2/v2.0/token", app, "Mail.Send"));
        assertThat(atTheEndpoint.status()).isEqualTo(400);
        assertThat(atTheEndpoint.body().path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aTenantsOpenIdConfigurationNamesItsIssuerAndItsTokenEndpoint() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        String issuer = AccessToken.parse(app.token()).issuer();

        for (String segment : List.of(app.tenant.toString(), app.domain)) {
            Response answer = get(app, "/" + segment + "/v2.0/.well-known/openid-configuration");

            assertThat(answer.status()).as(segment).isEqualTo(200);
            JsonNode metadata = answer.body();
            assertThat(metadata.path("issuer").asString()).isEqualTo(issuer);
            assertThat(metadata.path("token_endpoint").asString())
                    .isEqualTo(publicUrl(app) + "/" + app.tenant + "/oauth2/v2.0/token");
            assertThat(metadata.path("jwks_uri").asString()).isEqualTo(publicUrl(app) + "/discovery/v2.0/keys");
            assertThat(strings(metadata.path("grant_types_supported"))).containsExactly("client_credentials");
            assertThat(strings(metadata.path("token_endpoint_auth_methods_supported")))
                    .contains("client_secret_basic", "client_secret_post");
            assertThat(metadata.has("authorization_endpoint")).isFalse();
        }
        for (String segment : List.of("organizations", "common")) {
            JsonNode metadata = get(app, "/" + segment + "/v2.0/.well-known/openid-configuration")
                    .body();
            assertThat(metadata.path("issuer").asString()).isEqualTo(publicUrl(app) + "/{tenantid}/v2.0");
            assertThat(metadata.path("token_endpoint").asString())
                    .isEqualTo(publicUrl(app) + "/" + segment + "/oauth2/v2.0/token");
        }
    }

    @Test
    void whatNamesNoTenantOrIsNotOfferedIsAnErrorBodyNeverTheSignInPage(CapturedOutput output) {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        int before = output.length();

        for (String segment : List.of(UUID.randomUUID().toString(), "nobody.example", "x".repeat(300), "a'b")) {
            Response answer = get(app, "/" + segment + "/v2.0/.well-known/openid-configuration");

            assertThat(answer.status()).as(segment).isEqualTo(400);
            assertThat(answer.body().path("error").asString()).isEqualTo("invalid_tenant");
            assertThat(answer.body().path("error_description").asString()).startsWith("AADSTS90002: Tenant '");
        }
        for (String path : List.of(
                "/" + app.tenant + "/oauth2/v2.0/authorize?client_id=" + app.clientId,
                "/organizations/oauth2/v2.0/devicecode",
                "/" + app.tenant + "/oauth2/v2.0/token",
                "/" + app.tenant + "/discovery/v2.0/keys",
                "/" + app.tenant + "/.well-known/openid-configuration",
                "/" + app.tenant + "/v2.0/.well-known/nothing")) {
            Response answer = get(app, path);

            assertThat(answer.status()).as(path).isBetween(400, 405);
            assertThat(answer.raw().headers().firstValue("Location")).as(path).isEmpty();
            assertThat(answer.body()).as(path).isNotNull();
        }
        assertThat(output.toString().substring(before)).doesNotContain("Exception");
    }

    /** The URL the server names in links and issuers: its own host name, as the token's issuer says. */
    private static String publicUrl(ApiClient app) {
        String issuer = AccessToken.parse(app.token()).issuer();
        return issuer.substring(0, issuer.length() - ("/" + app.tenant + "/v2.0").length());
    }

    private static Response token(ApiClient app, String segment, String scope) {
        return ApiClient.send(tokenRequest(app.base + "/" + segment + "/oauth2/v2.0/token", app, scope));
    }

    private static HttpRequest tokenRequest(String url, ApiClient app, String scope) {
        return HttpRequest.newBuilder(URI.create(url))
                .headers(basic(app.clientId, app.secret).entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(form(scope)))
                .build();
    }

    private static Map<String, String> basic(String clientId, String secret) {
        return Map.of(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                "Content-Type",
                "application/x-www-form-urlencoded");
    }

    private static String form(String scope) {
        return "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    }

    private static Response get(ApiClient app, String path) {
        return ApiClient.send(
                HttpRequest.newBuilder(URI.create(app.base + path)).build());
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new java.util.ArrayList<>();
        array.forEach(v -> all.add(v.asString()));
        return all;
    }
}
