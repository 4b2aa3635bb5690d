package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's lifecycle notifications to a subscription's {@code lifecycleNotificationUrl}: {@code missed} when
 * notifications were given up, {@code subscriptionRemoved} when a subscription whose endpoint keeps failing (or whose
 * app was deleted) is removed, {@code reauthorizationRequired} before expiry and when the app's credentials or role
 * change, answered by {@code reauthorize}; change notifications wait in the outbox until it is.
 */
class LifecycleNotificationsIT extends ChangeNotificationsApi {
    @Test
    void whatAFailingEndpointMissedAndTheRemovalOfItsSubscriptionAreToldToTheLifecycleUrl() throws Exception {
        Subscribed subscribed = subscribed(Role.USER_ADMINISTRATOR, "broken", Duration.ofHours(1));
        ApiClient admin = subscribed.app();
        Endpoint broken = subscribed.hook();
        Endpoint lifecycle = subscribed.lifecycle();
        assertThat(lifecycle.validations())
                .as("the lifecycle URL is validated too")
                .isEqualTo(1);
        String id = subscribed.id();
        broken.failNext(Integer.MAX_VALUE);

        user(admin, "ada");

        JsonNode missed = lifecycle.await(items -> !items.isEmpty()).get(0);
        assertLifecycleNotification(missed, "missed", subscribed);
        assertThat(delivery(admin, id).path("state").asString())
                .as("given up after retry-for (2 s here; Graph: 4 hours)")
                .isEqualTo("failed");
        // a new change fails too once the URL has failed for remove-after (3 s here; 24 hours by default)
        JsonNode failing = adminView(admin).get(0);
        Instant since = Instant.parse(failing.path("failingSince").asString());
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), since.plusSeconds(3)).toMillis() + 100));
        user(admin, "bob");

        List<JsonNode> told = lifecycle.await(items ->
                items.stream().anyMatch(n -> n.path("lifecycleEvent").asString().equals("subscriptionRemoved")));
        assertLifecycleNotification(told.get(told.size() - 1), "subscriptionRemoved", subscribed);
        assertThat(broken.failed()).isGreaterThan(1);
        assertThat(admin.get("/v1.0/subscriptions").body().path("value")).isEmpty();
        assertThat(adminView(admin).get(0).path("state").asString()).isEqualTo("removed");
        user(admin, "cy");
        assertThat(admin.get("/allot/v1/changeNotifications/deliveries")
                        .body()
                        .path("value")
                        .findValuesAsString("state"))
                .as("nothing more is queued for it")
                .doesNotContain("pending");
    }

    @Test
    void aSubscriptionAboutToExpireIsAskedToReauthorizeAndReauthorizeAnswersWith204() {
        // reauthorize-before is 10 minutes here (1 hour by default)
        Subscribed subscribed = subscribed(Role.GLOBAL_READER, "expiring", Duration.ofMinutes(5));
        ApiClient app = subscribed.app();
        Endpoint lifecycle = subscribed.lifecycle();
        String id = subscribed.id();

        JsonNode challenge = lifecycle.await(items -> !items.isEmpty()).get(0);

        assertLifecycleNotification(challenge, "reauthorizationRequired", subscribed);
        assertThat(adminView(app)
                        .get(0)
                        .path("reauthorizationRequestedDateTime")
                        .isString())
                .as("asked to reauthorize")
                .isTrue();
        Response reauthorized = app.post("/v1.0/subscriptions/" + id + "/reauthorize", null);
        assertThat(reauthorized.status()).isEqualTo(204);
        assertThat(adminView(app)
                        .get(0)
                        .path("reauthorizationRequestedDateTime")
                        .isString())
                .as("reauthorized")
                .isFalse();
        assertThat(Instant.parse(app.get("/v1.0/subscriptions/" + id)
                        .body()
                        .path("expirationDateTime")
                        .asString()))
                .as("reauthorizing does not renew")
                .isEqualTo(Instant.parse(
                        subscribed.subscription().path("expirationDateTime").asString()));
        Response unknown = app.post("/v1.0/subscriptions/" + java.util.UUID.randomUUID() + "/reauthorize", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asString()).isNotEmpty();
    }

    @Test
    void anAppWhoseRoleChangesIsAskedToReauthorizeAndDeletingItRemovesItsSubscriptions() {
        Subscribed subscribed = subscribed(Role.GLOBAL_READER, "app", Duration.ofHours(2));
        ApiClient app = subscribed.app();
        Endpoint lifecycle = subscribed.lifecycle();
        String id = subscribed.id();
        Caller administrator = Caller.of(app.tenant, Actor.system("test administrator"));
        UUID clientId = UUID.fromString(app.clientId);

        assertThat(work.run(() -> apps.changeRole(administrator, clientId, "User Administrator"))
                        .isDone())
                .isTrue();

        JsonNode challenge = lifecycle.await(items -> !items.isEmpty()).get(0);
        assertLifecycleNotification(challenge, "reauthorizationRequired", subscribed);
        assertThat(app.post("/v1.0/subscriptions/" + id + "/reauthorize", null).status())
                .isEqualTo(204);

        assertThat(work.run(() -> apps.remove(administrator, clientId)).isDone())
                .isTrue();

        List<JsonNode> told = lifecycle.await(items -> items.size() >= 2);
        assertLifecycleNotification(told.get(1), "subscriptionRemoved", subscribed);
        ApiClient reader = as(app, Role.GLOBAL_READER);
        assertThat(reader.get("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(adminView(reader).get(0).path("state").asString()).isEqualTo("removed");
    }

    @Test
    void changeNotificationsWaitWhileAReauthorizationIsPendingAndAreDeliveredOnceReauthorized() {
        Subscribed subscribed = subscribed(Role.GLOBAL_READER, "paused", Duration.ofHours(2));
        ApiClient app = subscribed.app();
        String id = subscribed.id();
        String witnessPath = "paused-witness-" + app.tenant.value();
        Endpoint witness = RECEIVER.endpoint(witnessPath);
        assertThat(subscribe(
                                app,
                                "users",
                                "created",
                                RECEIVER.url(witnessPath),
                                Instant.now().plus(Duration.ofHours(2)).toString())
                        .status())
                .as("the same changes, without a lifecycle URL: never asked to reauthorize")
                .isEqualTo(201);
        Caller administrator = Caller.of(app.tenant, Actor.system("test administrator"));
        assertThat(work.run(() -> apps.changeRole(administrator, UUID.fromString(app.clientId), "User Administrator"))
                        .isDone())
                .isTrue();
        assertLifecycleNotification(
                subscribed.lifecycle().await(items -> !items.isEmpty()).get(0), "reauthorizationRequired", subscribed);

        String ada = user(as(app, Role.USER_ADMINISTRATOR), "ada");

        assertThat(witness.await(items -> !items.isEmpty()))
                .extracting(n -> n.path("resourceData").path("id").asString())
                .containsExactly(ada);
        JsonNode waiting = delivery(app, id);
        assertThat(waiting.path("state").asString())
                .as("queued in the same turn as the witness's, and kept in the outbox")
                .isEqualTo("pending");
        assertThat(waiting.path("attempts").asInt())
                .as("not tried while paused")
                .isZero();
        assertThat(subscribed.hook().notifications()).isEmpty();

        assertThat(app.post("/v1.0/subscriptions/" + id + "/reauthorize", null).status())
                .isEqualTo(204);

        assertThat(subscribed.hook().await(items -> !items.isEmpty()))
                .extracting(n -> n.path("resourceData").path("id").asString())
                .containsExactly(ada);
        assertThat(delivery(app, id).path("attempts").asInt()).isEqualTo(1);
    }

    /**
     * A new tenant's app with the role, subscribed for the lifetime to users' creation at an endpoint of the name, its
     * lifecycle notifications at another (the name's {@code -lifecycle-}): created (201).
     */
    private Subscribed subscribed(Role role, String name, Duration lifetime) {
        ApiClient app = newTenant(role);
        Endpoint hook = RECEIVER.endpoint(name + "-" + app.tenant.value());
        Endpoint lifecycle = RECEIVER.endpoint(name + "-lifecycle-" + app.tenant.value());
        Response created = app.post("/v1.0/subscriptions", """
                {"changeType":"created","notificationUrl":"%s","lifecycleNotificationUrl":"%s","resource":"users",
                 "expirationDateTime":"%s","clientState":"lifecycle-state"}""".formatted(
                        RECEIVER.url(name + "-" + app.tenant.value()),
                        RECEIVER.url(name + "-lifecycle-" + app.tenant.value()),
                        Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new Subscribed(app, hook, lifecycle, created.body());
    }

    /** An app's subscription with a lifecycle URL: the app, the endpoints of both URLs, the subscription as created. */
    private record Subscribed(ApiClient app, Endpoint hook, Endpoint lifecycle, JsonNode subscription) {
        String id() {
            return subscription.path("id").asString();
        }
    }

    /** A lifecycle notification as Graph sends it: the subscription, its state, the event; no resource. */
    private static void assertLifecycleNotification(JsonNode notification, String event, Subscribed subscribed) {
        JsonNode subscription = subscribed.subscription();
        assertThat(notification.path("lifecycleEvent").asString()).isEqualTo(event);
        assertThat(notification.path("subscriptionId").asString())
                .isEqualTo(subscription.path("id").asString());
        assertThat(notification.path("clientState").asString()).isEqualTo("lifecycle-state");
        assertThat(notification.path("tenantId").asString())
                .isEqualTo(subscribed.app().tenant.value().toString());
        assertThat(Instant.parse(
                        notification.path("subscriptionExpirationDateTime").asString()))
                .isEqualTo(Instant.parse(subscription.path("expirationDateTime").asString()));
        assertThat(notification.has("changeType")).isFalse();
        assertThat(notification.has("resource")).isFalse();
        assertThat(notification.has("resourceData")).isFalse();
    }

    private static JsonNode adminView(ApiClient app) {
        return app.get("/allot/v1/changeNotifications/subscriptions").body().path("value");
    }

    /** The latest notification of a change (not a lifecycle notification) to the subscription. */
    private static JsonNode delivery(ApiClient app, String subscription) {
        return app.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + subscription)
                .body()
                .path("value")
                .valueStream()
                .filter(d -> d.path("changeType").isString())
                .findFirst()
                .orElseThrow();
    }
}
