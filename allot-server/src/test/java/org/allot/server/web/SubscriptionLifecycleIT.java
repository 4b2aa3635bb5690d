package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.core.subscription.SubscriptionCalendar;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions with terms through the API (docs/license-lifecycle.md): an expired one keeps its holders and gives no
 * new seat, its seats show under {@code prepaidUnits} by status, the calendar step moves it once, and bad terms are
 * answered 400 with Graph's error body.
 */
class SubscriptionLifecycleIT extends ApiIT {
    @Autowired
    private SubscriptionCalendar calendar;

    private static String sku(ApiClient admin, String partNumber) {
        for (JsonNode s : admin.get("/v1.0/subscribedSkus").body().path("value")) {
            if (s.path("skuPartNumber").asString().equals(partNumber)) {
                return s.path("skuId").asString();
            }
        }
        throw new AssertionError("no " + partNumber);
    }

    private static JsonNode prepaid(ApiClient admin, String partNumber) {
        for (JsonNode s : admin.get("/v1.0/subscribedSkus").body().path("value")) {
            if (s.path("skuPartNumber").asString().equals(partNumber)) {
                return s;
            }
        }
        throw new AssertionError("no " + partNumber);
    }

    private static String day(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void anExpiredSubscriptionKeepsItsHoldersGivesNoNewSeatAndIsSuspendedThereafter() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Instant now = Instant.now();
        Response created = admin.post("/allot/v1/subscriptions", """
                {"skuPartNumber":"ENTERPRISEPACK","seats":2,"endDateTime":"%s","unitPrice":20.50,"currency":"EUR"}""".formatted(day(now.plus(Duration.ofDays(30)))));
        assertThat(created.status()).isEqualTo(201);
        JsonNode s = created.body();
        assertThat(s.path("status").asString()).isEqualTo("Enabled");
        assertThat(s.path("endDateTime").asString())
                .isEqualTo(s.path("nextLifecycleDateTime").asString());
        assertThat(s.path("autoRenew").asBoolean()).isFalse();
        assertThat(s.path("unitPrice").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(s.path("currency").asString()).isEqualTo("EUR");
        String id = s.path("id").asString();
        String sku = sku(admin, "ENTERPRISEPACK");
        String ada = createUser(admin, "ada");
        assertThat(assignLicense(admin, ada, sku).status()).isEqualTo(200);

        // the term is cut short: it ended yesterday
        Response cut = admin.patch("/allot/v1/subscriptions/" + id, """
                {"endDateTime":"%s"}""".formatted(day(now.minus(Duration.ofDays(1)))));
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.body().path("status").asString()).isEqualTo("Warning");
        assertThat(admin.get("/v1.0/directory/subscriptions/" + id)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("Warning");
        JsonNode skuNow = prepaid(admin, "ENTERPRISEPACK");
        assertThat(skuNow.path("capabilityStatus").asString()).isEqualTo("Warning");
        assertThat(skuNow.path("prepaidUnits").path("enabled").asInt()).isZero();
        assertThat(skuNow.path("prepaidUnits").path("warning").asInt()).isEqualTo(2);
        assertThat(skuNow.path("consumedUnits").asInt()).isEqualTo(1);

        Response bob = assignLicense(admin, createUser(admin, "bob"), sku);
        assertThat(bob.status()).as("no new seat from a Warning subscription").isEqualTo(400);
        assertThat(bob.errorMessage()).contains("does not have any available licenses");
        JsonNode states = admin.get("/v1.0/users/" + ada + "?$select=licenseAssignmentStates")
                .body()
                .path("licenseAssignmentStates");
        assertThat(states.get(0).path("state").asString())
                .as("ada keeps her seat")
                .isEqualTo("Active");

        // 31 days after its end, as the calendar step finds it (the dates are moved back, the clock is the server's)
        jdbc.sql("""
                        update subscription set end_at = end_at - interval '30 days',
                            next_lifecycle_at = next_lifecycle_at - interval '30 days'
                        where id = ?::uuid""").param(id).update();
        calendar.advance();
        calendar.advance();
        JsonNode suspended = prepaid(admin, "ENTERPRISEPACK");
        assertThat(suspended.path("prepaidUnits").path("suspended").asInt()).isEqualTo(2);
        assertThat(suspended.path("prepaidUnits").path("warning").asInt()).isZero();
        assertThat(suspended.path("consumedUnits").asInt())
                .as("still counted as consumed")
                .isEqualTo(1);
        JsonNode shown = admin.get("/allot/v1/subscriptions/" + id).body();
        assertThat(shown.path("status").asString()).isEqualTo("Suspended");
        JsonNode disabled = admin.get("/v1.0/users/" + ada + "?$select=licenseAssignmentStates")
                .body()
                .path("licenseAssignmentStates");
        assertThat(disabled.get(0).path("state").asString())
                .as("kept, counted, services off")
                .isEqualTo("Disabled");
        assertThat(Instant.parse(shown.path("nextLifecycleDateTime").asString()))
                .isEqualTo(Instant.parse(shown.path("endDateTime").asString()).plus(Duration.ofDays(120)));
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where tenant_id = ? and actor_id = 'subscription lifecycle'""")
                        .param(admin.tenant.value())
                        .query(Integer.class)
                        .single())
                .as("one audit record for the move, however often the step runs")
                .isEqualTo(1);

        // renewed: Enabled again, and the seat is free for bob
        Response renewed =
                admin.patch("/allot/v1/subscriptions/" + id, """
                {"endDateTime":"%s","autoRenew":true}""".formatted(day(now.plus(Duration.ofDays(365)))));
        assertThat(renewed.body().path("status").asString()).isEqualTo("Enabled");
        assertThat(admin.get("/allot/v1/subscriptions")
                        .body()
                        .path("value")
                        .get(0)
                        .path("autoRenew")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badTermsAreRefusedWithGraphsErrorBodyAndChangeNothing() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String[] bodies = {"""
            {"skuPartNumber":"EMS","seats":2,"startDateTime":"2026-06-01T00:00:00Z","endDateTime":"2026-05-01T00:00:00Z"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":-1,"currency":"EUR"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":10,"currency":"EURO"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":10,"currency":"XYZ"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":10}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":1.00001,"currency":"EUR"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":1e400,"currency":"EUR"}""", """
            {"skuPartNumber":"EMS","seats":2,"unitPrice":"ten","currency":"EUR"}""", """
            {"skuPartNumber":"EMS","seats":2,"endDateTime":"soon"}"""};
        for (String body : bodies) {
            Response answer = admin.post("/allot/v1/subscriptions", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().path("error").path("code").asString())
                    .as(body)
                    .isNotEmpty();
            assertThat(answer.body().path("error").path("message").asString())
                    .as(body)
                    .isNotEmpty();
        }
        assertThat(admin.get("/allot/v1/subscriptions").body().path("value")).isEmpty();

        String id = admin.post("/allot/v1/subscriptions", """
                        {"skuPartNumber":"EMS","seats":2,"endDateTime":"2030-01-01T00:00:00Z"}""").body().path("id").asString();
        Response patched = admin.patch("/allot/v1/subscriptions/" + id, """
                {"seats":5,"unitPrice":-3,"currency":"EUR"}""");
        assertThat(patched.status()).isEqualTo(400);
        JsonNode shown = admin.get("/allot/v1/subscriptions/" + id).body();
        assertThat(shown.path("totalLicenses").asInt()).as("refused as a whole").isEqualTo(2);

        // a malformed update is answered with the messages every other request body gets
        Response unknown = admin.patch("/allot/v1/subscriptions/" + id, "{\"seatz\":5}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("error").path("message").asString())
                .isEqualTo("Property 'seatz' does not exist on type 'SubscriptionUpdate'.");
        Response wrongType = admin.patch("/allot/v1/subscriptions/" + id, "{\"seats\":\"five\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("error").path("message").asString())
                .isEqualTo("Invalid value specified for property 'seats'.");
    }
}
