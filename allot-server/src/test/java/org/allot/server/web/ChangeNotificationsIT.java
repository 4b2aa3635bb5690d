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
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's change notifications against a subscriber's HTTPS endpoint: the validation handshake, notifications for
 * users and groups as Graph sends them, renewal and deletion, refusals with Graph's error body, retries until a
 * failing endpoint recovers, and Graph's lifecycle notifications: {@code missed} when notifications were given up,
 * {@code subscriptionRemoved} when a subscription whose endpoint keeps failing (or whose app was deleted) is removed,
 * {@code reauthorizationRequired} before expiry and when the app's credentials or role change, answered by {@code
 * reauthorize}. The outbox's claims by servers sharing it: {@link NotificationOutboxIT}.
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
    void changeTypesComeFromTheChangeLogThatDeltaQueriesReadWhoeverWritesTheChange() {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        Endpoint hook = RECEIVER.endpoint("log-" + admin.tenant.value());
        assertThat(subscribe(
                                admin,
                                "users",
                                "created,updated,deleted",
                                RECEIVER.url("log-" + admin.tenant.value()),
                                Instant.now().plus(Duration.ofHours(1)).toString())
                        .status())
                .isEqualTo(201);
        String link = admin.get("/v1.0/users/delta()?$deltatoken=latest")
                .body()
                .path("@odata.deltaLink")
                .asString();
        UUID written = UUID.randomUUID();

        // a writer that bypasses the core's use cases (a script in the database, a restore from backup…)
        jdbc.sql("""
                        insert into directory_user (tenant_id, id, user_principal_name, display_name, user_type,
                            account_enabled, on_premises_sync_enabled, created_at)
                        values (?, ?, ?, 'Written', 'Member', true, false, now())""")
                .params(admin.tenant.value(), written, "written@" + admin.domain)
                .update();
        jdbc.sql("update directory_user set job_title = 'Scribe' where tenant_id = ? and id = ?")
                .params(admin.tenant.value(), written)
                .update();
        assertThat(admin.delete("/v1.0/users/" + written).status()).isEqualTo(204);
        assertThat(admin.post("/v1.0/directory/deletedItems/" + written + "/restore", null)
                        .status())
                .isEqualTo(200);

        assertThat(hook.await(items -> items.size() >= 4))
                .extracting(n -> n.path("changeType").asString() + " "
                        + n.path("resourceData").path("id").asString())
                .as("in any order: as in Graph, notifications may overtake each other")
                .containsExactlyInAnyOrder(
                        "created " + written, "updated " + written, "deleted " + written, "updated " + written);
        assertThat(admin.get(link.substring(link.indexOf("/v1.0/"))).body().path("value"))
                .extracting(v -> v.path("id").asString())
                .as("the delta query reads the same log")
                .containsExactly(written.toString());
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
                .as("nothing is queued for a deleted subscription")
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
    void whatAFailingEndpointMissedAndTheRemovalOfItsSubscriptionAreToldToTheLifecycleUrl() throws Exception {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        Endpoint broken = RECEIVER.endpoint("broken-" + admin.tenant.value());
        Endpoint lifecycle = RECEIVER.endpoint("lifecycle-" + admin.tenant.value());
        Response created = subscribeWithLifecycle(admin, "broken-", "lifecycle-", Duration.ofHours(1));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(lifecycle.validations())
                .as("the lifecycle URL is validated too")
                .isEqualTo(1);
        String id = created.body().path("id").asString();
        broken.failNext(Integer.MAX_VALUE);

        user(admin, "ada");

        JsonNode missed = lifecycle.await(items -> !items.isEmpty()).get(0);
        assertLifecycleNotification(missed, "missed", admin, created.body());
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
        assertLifecycleNotification(told.get(told.size() - 1), "subscriptionRemoved", admin, created.body());
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
        ApiClient app = newTenant(Role.GLOBAL_READER);
        RECEIVER.endpoint("expiring-" + app.tenant.value());
        Endpoint lifecycle = RECEIVER.endpoint("expiring-lifecycle-" + app.tenant.value());
        // reauthorize-before is 10 minutes here (1 hour by default)
        Response created = subscribeWithLifecycle(app, "expiring-", "expiring-lifecycle-", Duration.ofMinutes(5));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();

        JsonNode challenge = lifecycle.await(items -> !items.isEmpty()).get(0);

        assertLifecycleNotification(challenge, "reauthorizationRequired", app, created.body());
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
                .isEqualTo(
                        Instant.parse(created.body().path("expirationDateTime").asString()));
        Response unknown = app.post("/v1.0/subscriptions/" + java.util.UUID.randomUUID() + "/reauthorize", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asString()).isNotEmpty();
    }

    @Test
    void anAppWhoseRoleChangesIsAskedToReauthorizeAndDeletingItRemovesItsSubscriptions() {
        ApiClient app = newTenant(Role.GLOBAL_READER);
        RECEIVER.endpoint("app-hook-" + app.tenant.value());
        Endpoint lifecycle = RECEIVER.endpoint("app-lifecycle-" + app.tenant.value());
        Response created = subscribeWithLifecycle(app, "app-hook-", "app-lifecycle-", Duration.ofHours(2));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        Caller administrator = Caller.of(app.tenant, Actor.system("test administrator"));
        UUID clientId = UUID.fromString(app.clientId);

        assertThat(work.run(() -> apps.changeRole(administrator, clientId, "User Administrator"))
                        .isDone())
                .isTrue();

        JsonNode challenge = lifecycle.await(items -> !items.isEmpty()).get(0);
        assertLifecycleNotification(challenge, "reauthorizationRequired", app, created.body());
        assertThat(app.post("/v1.0/subscriptions/" + id + "/reauthorize", null).status())
                .isEqualTo(204);

        assertThat(work.run(() -> apps.remove(administrator, clientId)).isDone())
                .isTrue();

        List<JsonNode> told = lifecycle.await(items -> items.size() >= 2);
        assertLifecycleNotification(told.get(1), "subscriptionRemoved", app, created.body());
        ApiClient reader = as(app, Role.GLOBAL_READER);
        assertThat(reader.get("/v1.0/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(adminView(reader).get(0).path("state").asString()).isEqualTo("removed");
    }

    /** A lifecycle notification as Graph sends it: the subscription, its state, the event; no resource. */
    private static void assertLifecycleNotification(
            JsonNode notification, String event, ApiClient app, JsonNode subscription) {
        assertThat(notification.path("lifecycleEvent").asString()).isEqualTo(event);
        assertThat(notification.path("subscriptionId").asString())
                .isEqualTo(subscription.path("id").asString());
        assertThat(notification.path("clientState").asString()).isEqualTo("lifecycle-state");
        assertThat(notification.path("tenantId").asString())
                .isEqualTo(app.tenant.value().toString());
        assertThat(Instant.parse(
                        notification.path("subscriptionExpirationDateTime").asString()))
                .isEqualTo(Instant.parse(subscription.path("expirationDateTime").asString()));
        assertThat(notification.has("changeType")).isFalse();
        assertThat(notification.has("resource")).isFalse();
        assertThat(notification.has("resourceData")).isFalse();
    }

    private static Response subscribeWithLifecycle(ApiClient app, String hook, String lifecycle, Duration lifetime) {
        return app.post("/v1.0/subscriptions", """
                {"changeType":"created","notificationUrl":"%s","lifecycleNotificationUrl":"%s","resource":"users",
                 "expirationDateTime":"%s","clientState":"lifecycle-state"}""".formatted(
                        RECEIVER.url(hook + app.tenant.value()),
                        RECEIVER.url(lifecycle + app.tenant.value()),
                        Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS)));
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
