package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Client secrets expire, as Entra's do: 180 days after they are made unless told otherwise, at most two years; the
 * expiry is shown with the app; an expired secret gets no token. An app's role can be changed.
 */
class AppSecretsIT extends ApiIT {

    @Test
    void aSecretExpiresAfter180DaysUnlessToldOtherwise() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Response plain =
                admin.post("/allot/v1/appRegistrations", "{\"displayName\":\"CI\",\"role\":\"Global Reader\"}");
        OffsetDateTime chosen = now.plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        Response dated = admin.post("/allot/v1/appRegistrations", """
                {"displayName":"Report","role":"Global Reader","secretEndDateTime":"%s"}""".formatted(chosen));

        assertThat(plain.status()).isEqualTo(201);
        assertThat(endOf(plain.body())).isCloseTo(now.plusDays(180), within(1, ChronoUnit.MINUTES));
        assertThat(dated.status()).isEqualTo(201);
        assertThat(endOf(dated.body())).isEqualTo(chosen);
        String id = dated.body().path("appId").asString();
        assertThat(endOf(admin.get("/allot/v1/appRegistrations/" + id).body())).isEqualTo(chosen);
        admin.get("/allot/v1/appRegistrations").body().path("value").forEach(app -> assertThat(
                        app.path("secretEndDateTime").asString())
                .isNotBlank());
    }

    @Test
    void aSecretLastsAtMostTwoYearsAndEndsInTheFuture() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Response tooLong = admin.post(
                "/allot/v1/appRegistrations", """
                {"displayName":"Forever","role":"Global Reader","secretEndDateTime":"%s"}""".formatted(now.plusYears(2).plusDays(2)));
        Response past = admin.post("/allot/v1/appRegistrations", """
                {"displayName":"Late","role":"Global Reader","secretEndDateTime":"%s"}""".formatted(now.minusDays(1)));
        Response twoYears = admin.post("/allot/v1/appRegistrations", """
                {"displayName":"Long","role":"Global Reader","secretEndDateTime":"%s"}""".formatted(now.plusYears(2)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorMessage()).contains("two years");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.errorMessage()).contains("future");
        assertThat(twoYears.status()).isEqualTo(201);
    }

    @Test
    void aReplacedSecretHasAnExpiryOfItsOwn() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient app = as(admin, Role.GLOBAL_READER);
        OffsetDateTime chosen = OffsetDateTime.now(ZoneOffset.UTC).plusDays(90).truncatedTo(ChronoUnit.SECONDS);

        Response replaced = admin.post(
                "/allot/v1/appRegistrations/" + app.clientId + "/secret",
                "{\"secretEndDateTime\":\"%s\"}".formatted(chosen));
        Response defaulted = admin.post("/allot/v1/appRegistrations/" + app.clientId + "/secret", null);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(endOf(replaced.body())).isEqualTo(chosen);
        assertThat(defaulted.status()).isEqualTo(200);
        assertThat(endOf(defaulted.body()))
                .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC).plusDays(180), within(1, ChronoUnit.MINUTES));
        assertThat(token(app.clientId, defaulted.body().path("clientSecret").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredSecretGetsNoTokenAndIsToldWhy() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        assertThat(token(app.clientId, app.secret).status()).isEqualTo(200);

        jdbc.sql("update app_registration set secret_expires_at = ? where id = ?::uuid")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofSeconds(1)), app.clientId)
                .update();
        Response refused = token(app.clientId, app.secret);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().path("error").asString()).isEqualTo("invalid_client");
        assertThat(refused.body().path("error_description").asString()).contains("expired");
    }

    @Test
    void aGlobalAdministratorChangesAnAppsRoleAndTheChangeIsAudited() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        ApiClient app = as(admin, Role.GLOBAL_READER);

        Response changed =
                admin.patch("/allot/v1/appRegistrations/" + app.clientId, "{\"role\":\"License Administrator\"}");
        Response unknown = admin.patch("/allot/v1/appRegistrations/" + app.clientId, "{\"role\":\"Emperor\"}");
        Response bySelf =
                app.patch("/allot/v1/appRegistrations/" + app.clientId, "{\"role\":\"Global Administrator\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("role").asString()).isEqualTo("License Administrator");
        assertThat(changed.body().has("clientSecret")).isFalse();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(bySelf.status()).isEqualTo(403);
        assertThat(admin.get(
                                "/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'Update%20application'")
                        .body()
                        .path("value")
                        .size())
                .isEqualTo(1);
    }

    private static OffsetDateTime endOf(tools.jackson.databind.JsonNode app) {
        return OffsetDateTime.parse(app.path("secretEndDateTime").asString());
    }

    private Response token(String clientId, String secret) {
        return ApiClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/v2.0/token"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8)))
                .build());
    }
}
