package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens as Entra's v2 tokens for Microsoft Graph: issued by {@code {public-url}/{tenant}/v2.0} for
 * {@code https://graph.microsoft.com}, signed with a key named by {@code kid}; a token for another issuer or audience is
 * refused even with a good signature; signing keys are sealed at rest and can be replaced without ending anyone's
 * token; and the authorization server's endpoints Allot does not offer answer a clean 404.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessTokensIT extends ApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JWKSource<SecurityContext> signingKeys;

    @Test
    void aTokenNamesItsIssuerItsAudienceAndTheKeyThatSignedIt() {
        ApiClient app = newTenant(Role.GLOBAL_READER);

        AccessToken token = AccessToken.parse(app.token());

        assertThat(token.issuer()).startsWith("http").endsWith("/" + app.tenant + "/v2.0");
        assertThat(token.audiences()).containsExactly("https://graph.microsoft.com");
        assertThat(token.claims().path("tid").asString()).isEqualTo(app.tenant.toString());
        assertThat(token.claims().path("appid").asString()).isEqualTo(app.clientId);
        assertThat(publishedKeyIds()).contains(token.keyId());
    }

    @Test
    void aWellSignedTokenForAnotherIssuerOrAudienceIsRefused() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        AccessToken real = AccessToken.parse(app.token());
        String tenant = app.tenant.toString();

        assertThat(call(forge(real, real.issuer(), "https://graph.microsoft.com")))
                .as("the same claims, signed again with the server's key")
                .isEqualTo(200);
        assertThat(call(forge(real, "https://evil.example/" + tenant + "/v2.0", "https://graph.microsoft.com")))
                .isEqualTo(401);
        assertThat(call(forge(
                        real, "https://login.microsoftonline.com/" + tenant + "/v2.0", "https://graph.microsoft.com")))
                .isEqualTo(401);
        assertThat(call(forge(
                        real,
                        real.issuer()
                                .replace(tenant, java.util.UUID.randomUUID().toString()),
                        "https://graph.microsoft.com")))
                .as("an issuer naming another tenant than tid")
                .isEqualTo(401);
        assertThat(call(forge(real, real.issuer(), "https://evil.example"))).isEqualTo(401);
        assertThat(call(forge(real, real.issuer(), app.clientId))).isEqualTo(401);
    }

    @Test
    void theTokenEndpointTakesTheSecretInTheHeaderOrInTheBody() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        String scope = URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);

        Response basic = ApiClient.send(HttpRequest.newBuilder(URI.create(app.base + "/oauth2/v2.0/token"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (app.clientId + ":" + app.secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                .build());
        Response post = ApiClient.send(HttpRequest.newBuilder(URI.create(app.base + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope + "&client_id="
                        + app.clientId + "&client_secret=" + URLEncoder.encode(app.secret, StandardCharsets.UTF_8)))
                .build());

        assertThat(basic.status()).isEqualTo(200);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.body().path("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void endpointsAllotDoesNotOfferAnswer404WithoutAStackTrace(CapturedOutput output) {
        ApiClient app = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((app.clientId + ":" + app.secret).getBytes(StandardCharsets.UTF_8));
        int before = output.length();

        List<Response> answers = List.of(
                get(
                        app,
                        "/oauth2/authorize?response_type=code&client_id=" + app.clientId
                                + "&scope=allot&redirect_uri=http://localhost/cb"),
                get(app, "/oauth2/authorize?response_type=code&client_id=" + app.clientId + "&scope=allot"),
                form(app, "/oauth2/introspect", basic, "token=" + app.token()),
                form(app, "/oauth2/revoke", basic, "token=" + app.token()),
                get(app, "/oauth2/jwks"),
                get(app, "/.well-known/openid-configuration"));

        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.raw().uri().toString()).isEqualTo(404);
            assertThat(answer.body()).as(answer.raw().uri().toString()).isNotNull();
            assertThat(answer.errorCode()).as(answer.raw().uri().toString()).isNotBlank();
        }
        assertThat(output.toString().substring(before)).doesNotContain("Exception");
        assertThat(app.get("/v1.0/organization").status()).isEqualTo(200);
    }

    @Test
    void aNewSigningKeySignsWhileTokensOfTheOldOneStayGoodUntilTheyExpire() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient reader = as(admin, Role.GLOBAL_READER);
        String oldKey = AccessToken.parse(reader.token()).keyId();

        assertThat(reader.post("/allot/v1/signingKeys", null).status()).isEqualTo(403);
        Response rotated = admin.post("/allot/v1/signingKeys", null);

        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.body().path("kid").asString();
        assertThat(newKey).isNotBlank().isNotEqualTo(oldKey);
        assertThat(publishedKeyIds()).contains(oldKey, newKey);
        assertThat(AccessToken.parse(as(admin, Role.GLOBAL_READER).token()).keyId())
                .isEqualTo(newKey);
        assertThat(reader.get("/v1.0/organization").status())
                .as("a token signed before the rotation")
                .isEqualTo(200);
        JsonNode listed = admin.get("/allot/v1/signingKeys").body().path("value");
        List<String> current = new ArrayList<>();
        listed.forEach(k -> {
            if (k.path("current").asBoolean()) {
                current.add(k.path("kid").asString());
            }
        });
        assertThat(current).containsExactly(newKey);
    }

    @Test
    void privateSigningKeysAreSealedAtRest() {
        newTenant(Role.GLOBAL_READER);

        List<String> stored =
                jdbc.sql("select jwk from signing_key").query(String.class).list();

        assertThat(stored).isNotEmpty().allSatisfy(jwk -> {
            assertThat(jwk).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotStartWith("{");
        });
    }

    private List<String> publishedKeyIds() {
        Response keys =
                ApiClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/discovery/v2.0/keys"))
                        .build());
        List<String> ids = new ArrayList<>();
        keys.body().path("keys").forEach(k -> ids.add(k.path("kid").asString()));
        return ids;
    }

    /** The claims of a real token with another issuer and audience, signed with the server's own key. */
    private String forge(AccessToken real, String issuer, String audience) {
        Map<String, Object> claims = JSON.convertValue(real.claims(), Map.class);
        claims.put("iss", issuer);
        claims.put("aud", List.of(audience));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("jti", java.util.UUID.randomUUID().toString());
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(signingKeys);
        encoder.setJwkSelector(keys -> keys.stream()
                .filter(k -> k.getKeyID().equals(real.keyId()))
                .findFirst()
                .orElse(keys.get(0)));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        JwtClaimsSet.builder().claims(c -> c.putAll(claims)).build()))
                .getTokenValue();
    }

    private int call(String token) {
        return ApiClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1.0/organization"))
                        .header("Authorization", "Bearer " + token)
                        .build())
                .status();
    }

    private static Response get(ApiClient app, String path) {
        return ApiClient.send(
                HttpRequest.newBuilder(URI.create(app.base + path)).build());
    }

    private static Response form(ApiClient app, String path, String authorization, String body) {
        return ApiClient.send(HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
