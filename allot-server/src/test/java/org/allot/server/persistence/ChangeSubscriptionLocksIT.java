package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.Notification;
import org.allot.core.notification.NotificationSettings;
import org.allot.core.notification.WebhookEndpoints;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.LockWaits;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subscription written by two units of work at once: the delivery worker flags it failing while the app renews or
 * reauthorizes it. The one that waits must read what the other wrote, so neither write is lost.
 */
class ChangeSubscriptionLocksIT {
    private static final WebhookEndpoints UNUSED = new WebhookEndpoints() {
        @Override
        public Optional<String> validate(URI url, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> deliver(URI url, List<Notification> notifications) {
            throw new UnsupportedOperationException();
        }
    };

    private final PostgresInstallation allot = (PostgresInstallation) Scenario.contoso().allot;
    private final JdbcChangeSubscriptions subscriptions = new JdbcChangeSubscriptions(allot.jdbc());
    private final ChangeNotifications notifications = new ChangeNotifications(
            allot.work(),
            subscriptions,
            new JdbcNotificationOutbox(allot.jdbc()),
            new JdbcRelayPositions(allot.jdbc()),
            UNUSED,
            NotificationSettings.DEFAULT,
            allot.clock());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aReauthorizationWaitingForTheWorkerKeepsTheFailingFlag() throws Exception {
        Caller app = allot.newTenant("Reauthorize race");
        ChangeSubscription s = subscription(app, allot.clock().instant());

        ChangeSubscription after = whileFlaggedFailing(s, () -> notifications.reauthorize(app, s.id()));

        assertThat(after.state()).isEqualTo(ChangeSubscription.State.FAILING);
        assertThat(after.failingSince()).isEqualTo(failingSince(s));
        assertThat(after.reauthorizeRequested()).isNull();
    }

    @Test
    void aRenewalWaitingForTheWorkerKeepsTheFailingFlag() throws Exception {
        Caller app = allot.newTenant("Renew race");
        ChangeSubscription s = subscription(app, allot.clock().instant());
        Instant renewed = allot.clock().instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        ChangeSubscription after = whileFlaggedFailing(s, () -> notifications.renew(app, s.id(), renewed.toString()));

        assertThat(after.state()).isEqualTo(ChangeSubscription.State.FAILING);
        assertThat(after.failingSince()).isEqualTo(failingSince(s));
        assertThat(after.expiration()).isEqualTo(renewed);
    }

    /**
     * The worker's unit of work reads the subscription and flags it failing, and holds its transaction open; then the
     * app's use case starts and waits for the worker's row lock; then the worker commits. Returns what is stored.
     */
    private ChangeSubscription whileFlaggedFailing(ChangeSubscription s, Supplier<Outcome<ChangeSubscription>> app)
            throws Exception {
        CountDownLatch flagged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> worker = threads.submit(() -> allot.work().run(() -> {
            ChangeSubscription current = subscriptions.find(s.tenant(), s.id()).orElseThrow();
            subscriptions.update(current.withState(ChangeSubscription.State.FAILING, failingSince(s)));
            flagged.countDown();
            LockWaits.hold(release);
            return null;
        }));
        assertThat(flagged.await(30, TimeUnit.SECONDS)).isTrue();

        Future<Outcome<ChangeSubscription>> appCall = threads.submit(app::get);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() > 0);
        release.countDown();

        worker.get(30, TimeUnit.SECONDS);
        assertThat(appCall.get(30, TimeUnit.SECONDS).isDone()).isTrue();
        return subscriptions.find(s.tenant(), s.id()).orElseThrow();
    }

    private int waitingForALock() {
        return allot.jdbc().sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like '%change_subscription%'""").query(Integer.class).single();
    }

    private ChangeSubscription subscription(Caller app, Instant now) {
        ChangeSubscription s = new ChangeSubscription(
                UUID.randomUUID(),
                app.tenant(),
                "users",
                Set.of(ChangeType.UPDATED),
                URI.create("https://hooks.example/notify"),
                URI.create("https://hooks.example/lifecycle"),
                "secret",
                now.plus(Duration.ofDays(1)),
                now,
                app.actor().id(),
                ChangeSubscription.State.ACTIVE,
                null,
                now,
                null);
        subscriptions.add(s);
        return s;
    }

    private static Instant failingSince(ChangeSubscription s) {
        return s.created().plusSeconds(60);
    }
}
