package org.allot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.testing.NotificationReceiver.Endpoint;
import org.allot.server.testing.ServerProcess;
import org.allot.server.testing.ServerProcess.Answer;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The outbox of change notifications is durable: a notification the subscriber's endpoint refused while the server
 * ran is still queued when the server process stops, and the next process on the same database delivers it. (The
 * processes share a database of their own, which no other server uses.)
 */
class NotificationOutboxRestartIT {
    private static final Duration REQUEST = Duration.ofSeconds(30);
    private static final NotificationReceiver RECEIVER = NotificationReceiver.shared();
    private static final String SECRETS_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @TempDir
    Path data;

    private final String database = TestDatabase.newDatabase();

    @Test
    void aNotificationQueuedWhenTheServerStopsIsDeliveredByTheNextServerProcess() throws Exception {
        String path = "restart-" + System.nanoTime();
        Endpoint hook = RECEIVER.endpoint(path);
        String subscription;
        String user;
        try (ServerProcess first = start()) {
            Answer created = first.api(
                    "POST",
                    "/v1.0/subscriptions",
                    """
                    {"changeType":"created","notificationUrl":"%s","resource":"users","expirationDateTime":"%s",
                     "clientState":"restart"}""".formatted(RECEIVER.url(path), Instant.now().plus(Duration.ofHours(1))),
                    REQUEST);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            subscription = created.json().path("id").asString();
            hook.failNext(Integer.MAX_VALUE);

            Answer ada = first.api("POST", "/v1.0/users", """
                    {"accountEnabled":true,"displayName":"Ada","mailNickname":"ada",
                     "userPrincipalName":"ada@%s"}""".formatted(ServerProcess.DOMAIN), REQUEST);
            assertThat(ada.status()).as(ada.body()).isEqualTo(201);
            user = ada.json().path("id").asString();
            awaitRefused(hook);
            JsonNode queued = delivery(first, subscription);
            assertThat(queued.path("state").asString()).isEqualTo("pending");
            assertThat(queued.path("attempts").asInt()).isPositive();
            first.stop(REQUEST);
        }
        hook.failNext(0);

        try (ServerProcess second = start()) {
            List<JsonNode> received = hook.await(items -> !items.isEmpty());

            assertThat(received)
                    .extracting(n -> n.path("changeType").asString() + " "
                            + n.path("resourceData").path("id").asString())
                    .containsExactly("created " + user);
            assertThat(received.get(0).path("subscriptionId").asString()).isEqualTo(subscription);
            JsonNode delivered = delivery(second, subscription);
            assertThat(delivered.path("state").asString()).isEqualTo("delivered");
            assertThat(delivered.path("attempts").asInt())
                    .as("the attempts of the first process count")
                    .isGreaterThan(1);
        }
    }

    private ServerProcess start() throws InterruptedException {
        return ServerProcess.start(
                data,
                "--allot.database.url=" + database,
                "--allot.database.username=postgres",
                "--allot.secrets.key=" + SECRETS_KEY,
                "--allot.notifications.trusted-certificates=" + RECEIVER.certificate(),
                "--allot.notifications.poll-interval=100ms",
                "--allot.notifications.first-retry=200ms",
                "--allot.notifications.max-backoff=500ms");
    }

    private static void awaitRefused(Endpoint hook) throws InterruptedException {
        for (int i = 0; i < 400 && hook.failed() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(hook.failed()).as("the endpoint refused the notification").isPositive();
    }

    private static JsonNode delivery(ServerProcess server, String subscription) {
        Answer deliveries = server.api(
                "GET", "/allot/v1/changeNotifications/deliveries?subscriptionId=" + subscription, null, REQUEST);
        assertThat(deliveries.status()).as(deliveries.body()).isEqualTo(200);
        return deliveries.json().path("value").get(0);
    }
}
