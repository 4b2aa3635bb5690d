package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's change notifications against a subscriber's HTTPS endpoint: the validation handshake, notifications for
 * users and groups as Graph sends them, renewal and deletion, refusals with Graph's error body, retries until a
 * failing endpoint recovers, and the removal of a subscription whose endpoint keeps failing, told to its lifecycle
 * URL. The outbox's claims by servers sharing it: {@link NotificationOutboxIT}.
 */
class ChangeNotificationsIT extends ApiIT {
    private static final NotificationReceiver RECEIVER = NotificationReceiver.shared();

    @Test
    void usersCreatedUpdatedAndDeletedAreNotifiedAsGraphSendsThem() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        Endpoint hook = RECEIVER.endpoint("users-" + admin.tenant.value());
        String expiration = Instant.now()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        Response created = subscribe(
                admin, "users", "created,updated,deleted", RECEIVER.url("users-" + admin.tenant.value()), expiration);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(hook.validations()).isEqualTo(1);
        JsonNode subscription = created.body();
        String id = subscription.path("id").asString();
        assertThat(subscription.path("resource").asString()).isEqualTo("users");
        assertThat(subscription.path("changeType").asString()).isEqualTo("created,updated,deleted");
        assertThat(subscription.path("clientState").asString()).isEqualTo("secretClientValue");
        assertThat(Instant.parse(subscription.path("expirationDateTime").asString()))
                .isEqualTo(Instant.parse(expiration));
        assertThat(admin.get("/v1.0/subscriptions").body().path("value").findValuesAsString("id"))
                .containsExactly(id);

        String ada = user(admin, "ada");
        assertThat(admin.patch("/v1.0/users/" + ada, "{\"jobTitle\":\"Engineer\"}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.delete("/v1.0/users/" + ada).status()).isEqualTo(204);

        List<JsonNode> received = hook.await(items -> items.size() >= 3);
        assertThat(received)
                .extracting(n -> n.path("changeType").asString())
                .containsExactly("created", "updated", "deleted");
        JsonNode first = received.get(0);
        assertThat(first.path("subscriptionId").asString()).isEqualTo(id);
        assertThat(first.path("clientState").asString()).isEqualTo("secretClientValue");
        assertThat(first.path("tenantId").asString())
                .isEqualTo(admin.tenant.value().toString());
        assertThat(first.path("resource").asString()).isEqualTo("Users/" + ada);
        assertThat(Instant.parse(first.path("subscriptionExpirationDateTime").asString()))
                .isEqualTo(Instant.parse(expiration));
        JsonNode data = first.path("resourceData");
        assertThat(data.path("@odata.type").asString()).isEqualTo("#Microsoft.Graph.User");
        assertThat(data.path("@odata.id").asString()).isEqualTo("Users/" + ada);
        assertThat(data.path("id").asString()).isEqualTo(ada);

        JsonNode deliveries = admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                .body();
        assertThat(deliveries.path("value").findValuesAsString("state")).containsOnly("delivered");
    }

    @Test
    void groupChangesAndMembershipChangesAreNotified() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String ada = user(admin, "ada");
        String staff = group(admin, "Staff");
        Endpoint groups = RECEIVER.endpoint("groups-" + admin.tenant.value());
        Endpoint members = RECEIVER.endpoint("members-" + admin.tenant.value());
        String expiration = Instant.now().plus(Duration.ofHours(1)).toString();
        assertThat(subscribe(
                                admin,
                                "groups",
                                "created,updated,deleted",
                                RECEIVER.url("groups-" + admin.tenant.value()),
                                expiration)
                        .status())
                .isEqualTo(201);
        assertThat(subscribe(
                                admin,
                                "groups/" + staff + "/members",
                                "updated",
                                RECEIVER.url("members-" + admin.tenant.value()),
                                expiration)
                        .status())
                .isEqualTo(201);

        String sales = group(admin, "Sales");
        assertThat(admin.post(
                                "/v1.0/groups/" + staff + "/members/$ref",
                                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + ada + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.delete("/v1.0/groups/" + sales).status()).isEqualTo(204);

        List<JsonNode> received = groups.await(items -> items.size() >= 3);
        assertThat(received)
                .extracting(n -> n.path("changeType").asString() + " "
                        + n.path("resource").asString())
                .containsExactly("created Groups/" + sales, "updated Groups/" + staff, "deleted Groups/" + sales);
        assertThat(received.get(0).path("resourceData").path("@odata.type").asString())
                .isEqualTo("#Microsoft.Graph.Group");
        List<JsonNode> memberChanges = members.await(items -> !items.isEmpty());
        assertThat(memberChanges)
                .extracting(n -> n.path("resource").asString())
                .containsExactly("Groups/" + staff + "/members");
    }

    @Test
    void aSubscriptionIsRefusedWithGraphsErrorWhenTheHandshakeFailsOrTheRequestIsInvalid() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        Endpoint refusing = RECEIVER.endpoint("refusing-" + app.tenant.value()).refuseHandshake();
        String url = RECEIVER.url("refusing-" + app.tenant.value());
        String soon = Instant.now().plus(Duration.ofHours(1)).toString();

        Response refused = subscribe(app, "users", "created", url, soon);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asString())
                .isEqualTo("Subscription validation request failed. Notification endpoint must respond with 200 OK to"
                        + " validation request.");
        assertThat(refusing.validations()).isEqualTo(1);
        assertThat(app.get("/v1.0/subscriptions").body().path("value")).isEmpty();

        RECEIVER.endpoint("fine-" + app.tenant.value());
        String fine = RECEIVER.url("fine-" + app.tenant.value());
        Response tooLong = subscribe(
                app,
                "users",
                "created",
                fine,
                Instant.now().plus(Duration.ofDays(30)).toString());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("message").asString())
                .isEqualTo("Subscription expiration can only be 41760 minutes in the future.");
        assertThat(subscribe(app, "users", "created", "http://localhost/hook", soon)
                        .status())
                .isEqualTo(400);
        assertThat(subscribe(app, "users", "renamed", fine, soon).status()).isEqualTo(400);
        assertThat(subscribe(app, "subscribedSkus", "created", fine, soon).status())
                .isEqualTo(400);
        assertThat(app.get("/v1.0/subscriptions").body().path("value")).isEmpty();
    }

    @Test
    void aSubscriptionIsRenewedAndDeletedAndThenNotifiesNoMore() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        RECEIVER.endpoint("renewed-" + admin.tenant.value());
        String id = subscribe(
                        admin,
                        "users",
                        "created",
                        RECEIVER.url("renewed-" + admin.tenant.value()),
                        Instant.now().plus(Duration.ofHours(1)).toString())
                .body()
                .path("id")
                .asString();
        String later = Instant.now()
                .plus(Duration.ofDays(20))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        Response renewed = admin.patch("/v1.0/subscriptions/" + id, "{\"expirationDateTime\":\"" + later + "\"}");

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Instant.parse(renewed.body().path("expirationDateTime").asString()))
                .isEqualTo(Instant.parse(later));
        assertThat(admin.patch("/v1.0/subscriptions/" + id, "{\"resource\":\"groups\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.delete("/v1.0/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        user(admin, "bob");
        assertThat(admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                        .body()
                        .path("value"))
                .as("nothing is queued for a deleted subscription, in the unit of work of the change")
                .isEmpty();
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffUntilItRecovers() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        Endpoint flaky = RECEIVER.endpoint("flaky-" + admin.tenant.value());
        String id = subscribe(
                        admin,
                        "users",
                        "created",
                        RECEIVER.url("flaky-" + admin.tenant.value()),
                        Instant.now().plus(Duration.ofHours(1)).toString())
                .body()
                .path("id")
                .asString();
        flaky.failNext(2);

        String ada = user(admin, "ada");

        List<JsonNode> received = flaky.await(items -> !items.isEmpty());
        assertThat(received)
                .extracting(n -> n.path("resourceData").path("id").asString())
                .containsExactly(ada);
        assertThat(flaky.failed()).isEqualTo(2);
        JsonNode delivery = admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                .body()
                .path("value")
                .get(0);
        assertThat(delivery.path("state").asString()).isEqualTo("delivered");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastError").asString()).isEqualTo("answered 503");
        JsonNode state = admin.get("/allot/v1/changeNotifications/subscriptions")
                .body()
                .path("value")
                .get(0);
        assertThat(state.path("state").asString())
                .as("a success ends the failing state")
                .isEqualTo("active");
    }

    @Test
    void aSubscriptionWhoseEndpointKeepsFailingIsRemovedAndItsLifecycleUrlIsTold() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        Endpoint broken = RECEIVER.endpoint("broken-" + admin.tenant.value());
        Endpoint lifecycle = RECEIVER.endpoint("lifecycle-" + admin.tenant.value());
        Response created = admin.post("/v1.0/subscriptions", """
                {"changeType":"created","notificationUrl":"%s","lifecycleNotificationUrl":"%s","resource":"users",
                 "expirationDateTime":"%s","clientState":"lifecycle-state"}""".formatted(
                        RECEIVER.url("broken-" + admin.tenant.value()),
                        RECEIVER.url("lifecycle-" + admin.tenant.value()),
                        Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(lifecycle.validations())
                .as("the lifecycle URL is validated too")
                .isEqualTo(1);
        broken.failNext(Integer.MAX_VALUE);

        user(admin, "ada");

        JsonNode removed = lifecycle.await(items -> !items.isEmpty()).get(0);
        assertThat(removed.path("lifecycleEvent").asString()).isEqualTo("subscriptionRemoved");
        assertThat(removed.path("subscriptionId").asString())
                .isEqualTo(created.body().path("id").asString());
        assertThat(removed.path("clientState").asString()).isEqualTo("lifecycle-state");
        assertThat(broken.failed()).isGreaterThan(1);
        assertThat(admin.get("/v1.0/subscriptions").body().path("value")).isEmpty();
        JsonNode state = admin.get("/allot/v1/changeNotifications/subscriptions")
                .body()
                .path("value")
                .get(0);
        assertThat(state.path("state").asString()).isEqualTo("removed");
        user(admin, "bob");
        assertThat(admin.get("/allot/v1/changeNotifications/deliveries")
                        .body()
                        .path("value")
                        .findValuesAsString("state"))
                .as("nothing more is queued for it")
                .doesNotContain("pending");
    }

    private static Response subscribe(
            ApiClient app, String resource, String changeType, String url, String expiration) {
        return app.post("/v1.0/subscriptions", """
                {"changeType":"%s","notificationUrl":"%s","resource":"%s","expirationDateTime":"%s",
                 "clientState":"secretClientValue","latestSupportedTlsVersion":"v1_2"}""".formatted(changeType, url, resource, expiration));
    }

    private static String user(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/users",
                "{\"accountEnabled\":true,\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name
                        + "\",\"userPrincipalName\":\"" + name + "@" + admin.domain + "\",\"usageLocation\":\"US\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private static String group(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"" + name
                        + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
