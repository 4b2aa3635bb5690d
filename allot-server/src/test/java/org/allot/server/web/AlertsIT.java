package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.allot.core.alert.AlertWatch;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Alerts through the API (docs/alerts.md): rules set under {@code /allot/v1/settings/alerts}, alerts raised once and
 * resolved by the watch, listed under {@code /allot/v1/alerts}, and delivered to a subscriber's HTTPS endpoint that
 * subscribed to {@code /allot/v1/alerts}, as change notifications are.
 */
class AlertsIT extends ChangeNotificationsApi {
    @Autowired
    AlertWatch watch;

    @Test
    void fewFreeSeatsAndAnEndingSubscriptionAreRaisedOnceDeliveredAndResolved() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Endpoint hook = RECEIVER.endpoint("alerts-" + admin.tenant.value());
        String expiration = Instant.now()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Response subscribed = subscribe(
                admin,
                "/allot/v1/alerts",
                "created,updated",
                RECEIVER.url("alerts-" + admin.tenant.value()),
                expiration);
        assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);

        Response e3 = admin.post("/allot/v1/subscriptions", """
                {"skuPartNumber":"ENTERPRISEPACK","seats":2}""");
        assertThat(e3.status()).as(e3.body().toString()).isEqualTo(201);
        String sku = e3.body().path("skuId").asString();
        String end = Instant.now()
                .plus(Duration.ofDays(10))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Response ending = admin.post("/allot/v1/subscriptions", """
                {"skuPartNumber":"EMS","seats":5,"endDateTime":"%s","autoRenew":false}""".formatted(end));
        assertThat(ending.status()).as(ending.body().toString()).isEqualTo(201);
        String ada = user(admin, "ada");
        assertThat(admin.post("/v1.0/users/" + ada + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isEqualTo(200);

        Response rules = admin.patch("/allot/v1/settings/alerts", "{\"freeSeatsBelow\":2}");
        assertThat(rules.status()).as(rules.body().toString()).isEqualTo(200);
        assertThat(rules.body().path("freeSeatsBelow").asInt()).isEqualTo(2);
        assertThat(rules.body().path("expiringWithinDays").asInt()).isEqualTo(30);
        watch.evaluate(admin.tenant);

        JsonNode open = admin.get("/allot/v1/alerts?$filter=status%20eq%20%27open%27")
                .body()
                .path("value");
        assertThat(open)
                .extracting(a -> a.path("kind").asString())
                .containsExactlyInAnyOrder("freeSeatsLow", "subscriptionExpiring");
        JsonNode low = find(open, "freeSeatsLow");
        assertThat(low.path("productName").asString()).isEqualTo("Office 365 E3");
        assertThat(low.path("figure").asInt()).isEqualTo(1);
        assertThat(low.path("summary").asString())
                .isEqualTo("Office 365 E3 has 1 free seat left (the alert is set below 2).");
        assertThat(low.path("nextStep").asString()).isNotBlank();
        JsonNode expiring = find(open, "subscriptionExpiring");
        assertThat(expiring.path("subscriptionId").asString())
                .isEqualTo(ending.body().path("id").asString());
        assertThat(Instant.parse(expiring.path("dueDateTime").asString())).isEqualTo(Instant.parse(end));

        List<JsonNode> raised = hook.await(items -> items.size() >= 2);
        assertThat(raised)
                .extracting(n -> n.path("changeType").asString() + " "
                        + n.path("resource").asString())
                .containsExactlyInAnyOrder(
                        "created Alerts/" + low.path("id").asString(),
                        "created Alerts/" + expiring.path("id").asString());
        assertThat(raised.get(0).path("resourceData").path("@odata.type").asString())
                .isEqualTo("#allot.alert");
        assertThat(raised.get(0).path("clientState").asString()).isEqualTo("secretClientValue");

        String e3Subscription = e3.body().path("id").asString();
        assertThat(admin.patch("/allot/v1/subscriptions/" + e3Subscription, "{\"seats\":10}")
                        .status())
                .isEqualTo(200);
        watch.evaluate(admin.tenant);
        watch.evaluate(admin.tenant);

        List<JsonNode> all = hook.await(items -> items.size() >= 3);
        assertThat(admin.get("/allot/v1/alerts/" + low.path("id").asString())
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("resolved");
        assertThat(admin.get("/allot/v1/alerts?$filter=status%20eq%20%27open%27")
                        .body()
                        .path("value"))
                .extracting(a -> a.path("kind").asString())
                .containsExactly("subscriptionExpiring");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        hook.notifications())
                .as("raised once, resolved once: no repeat on later runs")
                .extracting(n -> n.path("changeType").asString() + " "
                        + n.path("resource").asString())
                .containsExactlyInAnyOrder(
                        "created Alerts/" + low.path("id").asString(),
                        "created Alerts/" + expiring.path("id").asString(),
                        "updated Alerts/" + low.path("id").asString()));
        assertThat(all).isNotEmpty();
    }

    @Test
    void badRulesAndQueriesAreRefusedWithGraphErrorsAndNothingChanges() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);

        for (String body : List.of(
                "{\"freeSeatsBelow\":-1}",
                "{\"expiringWithinDays\":3651,\"freeSeatsBelow\":5}",
                "{\"freeSeatsBelow\":\"many\"}",
                "{\"threshold\":5}",
                "{}",
                "[1]")) {
            Response refused = admin.patch("/allot/v1/settings/alerts", body);
            assertThat(refused.status()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body().path("error").path("code").asString())
                    .as(body)
                    .isNotBlank();
            assertThat(refused.body().path("error").path("message").asString())
                    .as(body)
                    .isNotBlank();
        }
        JsonNode rules = admin.get("/allot/v1/settings/alerts").body();
        assertThat(rules.path("freeSeatsBelow").asInt()).isZero();
        assertThat(rules.path("expiringWithinDays").asInt()).isEqualTo(30);
        assertThat(rules.path("lapsed").asBoolean()).isTrue();

        assertThat(admin.get("/allot/v1/alerts?$top=0").status()).isEqualTo(400);
        assertThat(admin.get("/allot/v1/alerts?$filter=kind%20eq%20%27x%27").status())
                .isEqualTo(400);
        assertThat(admin.get("/allot/v1/alerts/not-an-alert").status()).isEqualTo(404);
        assertThat(admin.get("/allot/v1/alerts/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(admin.get("/allot/v1/alerts").body().path("value")).isEmpty();
    }

    private static JsonNode find(JsonNode alerts, String kind) {
        for (JsonNode a : alerts) {
            if (a.path("kind").asString().equals(kind)) {
                return a;
            }
        }
        throw new AssertionError("no " + kind + " alert in " + alerts);
    }
}
