package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's change notifications against a subscriber's HTTPS endpoint: the validation handshake, notifications for
 * users, groups and group members as Graph sends them, their change types read from the change log that delta
 * queries read, and retries until a failing endpoint recovers. Subscriptions refused, renewed and deleted: {@link
 * ChangeSubscriptionsIT}; lifecycle notifications: {@link LifecycleNotificationsIT}; the outbox's claims by servers
 * sharing it: {@link NotificationOutboxIT}.
 */
class ChangeNotificationsIT extends ChangeNotificationsApi {
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
        // in any order, as the docs promise (as in Graph): several delivery threads send what they claimed side by side
        assertThat(received)
                .extracting(n -> n.path("changeType").asString())
                .containsExactlyInAnyOrder("created", "updated", "deleted");
        JsonNode first = received.stream()
                .filter(n -> n.path("changeType").asString().equals("created"))
                .findFirst()
                .orElseThrow();
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

        // the deliverer records each outcome once the endpoint has answered: a moment after the hook saw it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                                .body()
                                .path("value")
                                .findValuesAsString("state"))
                .hasSize(3)
                .containsOnly("delivered"));
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
                .as("in any order: as in Graph, delivery order is not guaranteed (docs/api.md)")
                .containsExactlyInAnyOrder(
                        "created Groups/" + sales, "updated Groups/" + staff, "deleted Groups/" + sales);
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
        // the endpoint has the notification once it answered; the server records the outcome just after
        JsonNode delivery = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin.get("/allot/v1/changeNotifications/deliveries?subscriptionId=" + id)
                                .body()
                                .path("value")
                                .get(0),
                        d -> !d.path("state").asString().equals("pending"));
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

    private static String group(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/groups",
                "{\"displayName\":\"" + name
                        + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}
