package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.OutboxEntry;
import org.allot.server.persistence.JdbcChangeSubscriptions;
import org.allot.server.persistence.JdbcNotificationOutbox;
import org.allot.server.security.store.Role;
import org.allot.server.testing.NotificationReceiver;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change notifications' outbox as servers sharing one database claim it: rows another transaction holds are
 * skipped, never delivered twice, and the claims of a server that died end with their lease. The notifications
 * themselves: {@link ChangeNotificationsIT}.
 */
class NotificationOutboxIT extends ApiIT {
    private static final NotificationReceiver RECEIVER = NotificationReceiver.shared();

    @Autowired
    private JdbcNotificationOutbox outbox;

    @Autowired
    private JdbcChangeSubscriptions changeSubscriptions;

    @Test
    void serversSharingTheOutboxNeverClaimTheSameNotificationAndAClaimOfADeadServerEndsWithItsLease() throws Exception {
        ApiClient admin = newTenant(Role.USER_ADMINISTRATOR);
        RECEIVER.endpoint("shared-" + admin.tenant.value());
        UUID id = UUID.fromString(subscribe(
                        admin,
                        "users",
                        "created",
                        RECEIVER.url("shared-" + admin.tenant.value()),
                        Instant.now().plus(Duration.ofHours(2)).toString())
                .body()
                .path("id")
                .asString());
        ChangeSubscription subscription =
                work.read(() -> changeSubscriptions.find(admin.tenant, id)).orElseThrow();
        awaitNoOtherPendingNotifications(admin);
        // due in an hour, so this server's own delivery threads leave them alone meanwhile
        Instant later = Instant.now().plus(Duration.ofHours(1));
        List<OutboxEntry> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(
                    OutboxEntry.change(subscription, ChangeEvent.user(UUID.randomUUID(), ChangeType.CREATED), later));
        }
        work.run(() -> {
            outbox.add(queued);
            return null;
        });
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherServer = Executors.newSingleThreadExecutor();
        try {
            Future<List<OutboxEntry>> first = otherServer.submit(() -> work.run(() -> {
                List<OutboxEntry> mine = outbox.claim(later, later.plus(Duration.ofMinutes(1)), 2);
                claimed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return mine;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            List<OutboxEntry> second = work.run(() -> outbox.claim(later, later.plus(Duration.ofMinutes(1)), 10));
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).hasSize(2);
            assertThat(second)
                    .as("the rows the other transaction holds are skipped, not waited for")
                    .hasSize(2);
            assertThat(ids(first.get())).doesNotContainAnyElementsOf(ids(second));
        } finally {
            release.countDown();
            otherServer.shutdownNow();
        }
        assertThat(work.run(
                        () -> outbox.claim(later.plus(Duration.ofSeconds(30)), later.plus(Duration.ofMinutes(2)), 10)))
                .as("claimed, so not due until the lease ends")
                .isEmpty();
        List<OutboxEntry> again =
                work.run(() -> outbox.claim(later.plus(Duration.ofMinutes(1)), later.plus(Duration.ofMinutes(2)), 10));
        assertThat(ids(again))
                .as("the claims of a server that died end with their lease")
                .hasSize(4);
        assertThat(again).extracting(OutboxEntry::attempts).containsOnly(2);
        work.run(() -> {
            again.forEach(e -> outbox.end(e, OutboxEntry.State.DROPPED, "test"));
            return null;
        });
    }

    private void awaitNoOtherPendingNotifications(ApiClient mine) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            int pending = jdbc.sql(
                            "select count(*) from notification_outbox where state = 'PENDING' and tenant_id <> ?")
                    .param(mine.tenant.value())
                    .query(Integer.class)
                    .single();
            if (pending == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("other tests' notifications are still pending");
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    private static Response subscribe(
            ApiClient app, String resource, String changeType, String url, String expiration) {
        return app.post("/v1.0/subscriptions", """
                {"changeType":"%s","notificationUrl":"%s","resource":"%s","expirationDateTime":"%s",
                 "clientState":"secretClientValue","latestSupportedTlsVersion":"v1_2"}""".formatted(changeType, url, resource, expiration));
    }
}
