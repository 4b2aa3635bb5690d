package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Change notifications: the subscriptions with their state, and the deliveries that fail, with their errors. */
class NotificationCommandsIT extends AgainstARealServer {

    @Test
    void aSubscriptionWhoseUrlFailsIsListedFailingWithItsFailedDeliveries(TestServer server) throws Exception {
        String url = server.receiver().failingUrl("cli");
        String expiry = OffsetDateTime.now(ZoneOffset.UTC)
                .plusHours(1)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String subscription = api.post("/v1.0/subscriptions", """
                        {"changeType":"updated","notificationUrl":"%s","resource":"users",
                         "expirationDateTime":"%s","clientState":"cli"}""".formatted(url, expiry))
                .path("id")
                .asString();
        try {
            listsTheFailingSubscriptionAndItsFailedDeliveries(subscription, url);
        } finally {
            assertThat(api.delete("/v1.0/subscriptions/" + subscription))
                    .as("the subscription the test made is deleted, so the server stops calling its failing URL")
                    .isEqualTo(204);
        }
        assertThat(api.get("/allot/v1/changeNotifications/deliveries", "subscriptionId", subscription)
                        .path("value")
                        .findValuesAsString("state"))
                .doesNotContain("pending");
    }

    private void listsTheFailingSubscriptionAndItsFailedDeliveries(String subscription, String url)
            throws InterruptedException {
        allot.run("user", "create", "notified@contoso.com", "--name", "Notified");
        String user = api.user("notified@contoso.com", "id").path("id").asString();
        api.patch("/v1.0/users/" + user, "{\"jobTitle\":\"Notified\"}");
        awaitFailedAttempt(subscription);

        Run list = allot.run("notifications", "list", "-o", "json");
        assertThat(list.exit()).as(list.toString()).isZero();
        JsonNode listed = null;
        for (JsonNode s : list.json()) {
            if (s.path("id").asString().equals(subscription)) {
                listed = s;
            }
        }
        assertThat(listed).as(list.out()).isNotNull();
        assertThat(listed.path("state").asString()).isEqualTo("failing");
        assertThat(listed.path("notificationUrl").asString()).isEqualTo(url);
        assertThat(listed.path("failingSince").asString()).isNotBlank();

        Run failed = allot.run("notifications", "deliveries", "--failed", "--subscription", subscription, "-o", "csv");
        assertThat(failed.exit()).as(failed.toString()).isZero();
        assertThat(failed.csv()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("subscriptionId")).isEqualTo(subscription);
            assertThat(row.get("state")).isEqualTo("pending");
            assertThat(row.get("lastError")).contains("503");
            assertThat(Integer.parseInt(row.get("attempts"))).isPositive();
            assertThat(row.get("nextAttemptDateTime")).isNotBlank();
        });

        Run table = allot.run("notifications", "deliveries", "--top", "5");
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out()).contains("lastError").contains("answered 503");

        Run unknown = allot.run("notifications", "deliveries", "--subscription", "not-a-subscription");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(3);
        assertThat(allot.run("notifications", "deliveries", "--top", "0").exit())
                .isEqualTo(2);
    }

    @Test
    void aSubscriptionAskedToReauthorizeIsListedWithItsDeliveryPaused(TestServer server) throws Exception {
        // expiring within reauthorize-before (1 h by default): asked to reauthorize at once
        String asked = subscribe(server, "cli-reauthorize", 30);
        String authorized = subscribe(server, "cli-authorized", 180);
        try {
            awaitReauthorizationRequested(asked);

            Run list = allot.run("notifications", "list", "-o", "json");
            assertThat(list.exit()).as(list.toString()).isZero();
            JsonNode askedRow = row(list, asked);
            assertThat(askedRow.path("reauthorization").asString()).isEqualTo("requested, delivery paused");
            assertThat(askedRow.path("reauthorizationRequestedDateTime").asString())
                    .isNotBlank();
            JsonNode authorizedRow = row(list, authorized);
            assertThat(authorizedRow.path("reauthorization").asString()).isEqualTo("authorized");
            assertThat(authorizedRow.path("reauthorizationRequestedDateTime").isNull())
                    .as(authorizedRow.toString())
                    .isTrue();

            Run table = allot.run("notifications", "list");
            assertThat(table.exit()).as(table.toString()).isZero();
            assertThat(table.out()).contains("reauthorization", "requested, delivery paused", "authorized");

            String renewed = OffsetDateTime.now(ZoneOffset.UTC)
                    .plusHours(3)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
            assertThat(api.patch("/v1.0/subscriptions/" + asked, "{\"expirationDateTime\":\"" + renewed + "\"}")
                            .path("id")
                            .asString())
                    .as("renewed, which reauthorizes")
                    .isEqualTo(asked);
            Run after = allot.run("notifications", "list", "-o", "csv");
            assertThat(after.exit()).as(after.toString()).isZero();
            assertThat(after.csv())
                    .filteredOn(r -> r.get("id").equals(asked))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("reauthorization")).isEqualTo("authorized");
                        assertThat(r.get("reauthorizationRequestedDateTime")).isEmpty();
                    });
        } finally {
            assertThat(api.delete("/v1.0/subscriptions/" + asked)).isEqualTo(204);
            assertThat(api.delete("/v1.0/subscriptions/" + authorized)).isEqualTo(204);
        }
    }

    /** A subscription to users' updates with a lifecycle URL, expiring in the minutes; returns its id. */
    private String subscribe(TestServer server, String name, int minutes) {
        String expiry = OffsetDateTime.now(ZoneOffset.UTC)
                .plusMinutes(minutes)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return api.post("/v1.0/subscriptions", """
                        {"changeType":"updated","notificationUrl":"%s","lifecycleNotificationUrl":"%s",
                         "resource":"users","expirationDateTime":"%s"}""".formatted(
                                server.receiver().url(name), server.receiver().url(name + "-lifecycle"), expiry))
                .path("id")
                .asString();
    }

    private static JsonNode row(Run list, String id) {
        for (JsonNode s : list.json()) {
            if (s.path("id").asString().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no row for " + id + " in " + list.out());
    }

    /** Waits (up to 30 s) until the subscription has been asked to reauthorize. */
    private void awaitReauthorizationRequested(String subscription) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            for (JsonNode s :
                    api.get("/allot/v1/changeNotifications/subscriptions").path("value")) {
                if (s.path("id").asString().equals(subscription) && s.hasNonNull("reauthorizationRequestedDateTime")) {
                    return;
                }
            }
            assertThat(System.nanoTime())
                    .as("not asked to reauthorize within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits (up to 30 s) until a notification of the subscription has been tried and failed. */
    private void awaitFailedAttempt(String subscription) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            for (JsonNode d : api.get("/allot/v1/changeNotifications/deliveries", "subscriptionId", subscription)
                    .path("value")) {
                // null properties are left out of answers, so a missing lastError is no error yet: a delivery that is
                // claimed (counted an attempt) but still being sent has none, and its subscription is not failing yet
                if (d.path("attempts").asInt() > 0 && d.hasNonNull("lastError")) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("no failed delivery within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
