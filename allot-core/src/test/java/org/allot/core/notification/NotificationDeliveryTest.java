package org.allot.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryChanges.Op;
import org.allot.core.directory.DirectoryChanges.Subject;
import org.allot.core.notification.OutboxEntry.State;
import org.allot.core.testing.InMemoryChangeLog;
import org.allot.core.testing.InMemoryChangeSubscriptions;
import org.allot.core.testing.InMemoryNotificationOutbox;
import org.allot.core.testing.InMemoryRelayPositions;
import org.allot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Delivery from the outbox: retries with a doubling pause, giving up, removal for a failing URL, expiry. */
class NotificationDeliveryTest {
    private static final URI HOOK = URI.create("https://hooks.example.com/allot");
    private static final URI LIFECYCLE = URI.create("https://hooks.example.com/lifecycle");
    private static final NotificationSettings SETTINGS = new NotificationSettings(
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofHours(4),
            Duration.ofHours(24),
            Duration.ofMinutes(1),
            100,
            10,
            Duration.ofHours(1));

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T10:00:00Z");
    private final InMemoryChangeSubscriptions subscriptions = new InMemoryChangeSubscriptions();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(subscriptions);
    private final RecordingEndpoints endpoints = new RecordingEndpoints();
    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryRelayPositions positions = new InMemoryRelayPositions(log, subscriptions);
    private final ChangeNotifications notifications =
            new ChangeNotifications(Transactions.NONE, subscriptions, outbox, positions, endpoints, SETTINGS, clock);
    private final NotificationRelay relay =
            new NotificationRelay(Transactions.NONE, log, positions, subscriptions, outbox, clock);
    private final NotificationDelivery delivery =
            new NotificationDelivery(Transactions.NONE, subscriptions, outbox, endpoints, SETTINGS, clock);
    private final Caller app = Caller.of(TenantId.random(), Actor.app("app", "hook app"));

    @Test
    void theBackoffDoublesUpToItsLongestPause() {
        assertThat(SETTINGS.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SETTINGS.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SETTINGS.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SETTINGS.backoff(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SETTINGS.backoff(50)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFailedNotificationWaitsItsBackoffAndIsDeliveredOnceTheEndpointRecovers() {
        ChangeSubscription subscription = subscribe(null, Duration.ofHours(1));
        UUID staff = groupCreated();
        endpoints.failing.add(HOOK);

        assertThat(delivery.deliverDue()).isTrue();
        assertThat(only().attempts()).isEqualTo(1);
        assertThat(only().lastError()).isEqualTo("answered 503");
        assertThat(state(subscription)).isEqualTo(ChangeSubscription.State.FAILING);
        clock.advance(Duration.ofSeconds(4));
        assertThat(delivery.deliverDue()).as("not due before its pause").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery.deliverDue()).isTrue();
        assertThat(endpoints.failures).isEqualTo(2);
        endpoints.failing.clear();
        clock.advance(Duration.ofSeconds(10));

        assertThat(delivery.deliverDue()).isTrue();

        assertThat(endpoints.changes(HOOK)).containsExactly("created Groups/" + staff);
        assertThat(only().state()).isEqualTo(State.DELIVERED);
        assertThat(only().attempts()).isEqualTo(3);
        assertThat(state(subscription)).isEqualTo(ChangeSubscription.State.ACTIVE);
    }

    @Test
    void aNotificationIsGivenUpAfterBeingRetriedForFourHours() {
        subscribe(null, Duration.ofDays(1));
        groupCreated();
        endpoints.failing.add(HOOK);

        for (int i = 0; i < 300 && only().state() == State.PENDING; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(only().state()).isEqualTo(State.FAILED);
        assertThat(Duration.between(only().created(), clock.instant()))
                .isBetween(Duration.ofMinutes(238), Duration.ofMinutes(242));
    }

    @Test
    void aSubscriptionWhoseUrlFailsForADayIsRemovedAndItsLifecycleUrlIsTold() {
        ChangeSubscription subscription = subscribe(LIFECYCLE, Duration.ofDays(2));
        endpoints.failing.add(HOOK);
        for (int hour = 0; hour <= 24; hour++) {
            groupCreated();
            delivery.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        delivery.deliverDue();

        assertThat(state(subscription)).isEqualTo(ChangeSubscription.State.REMOVED);
        assertThat(endpoints.changes(LIFECYCLE))
                .as("what was given up after four hours was missed; then the subscription was removed")
                .contains("missed")
                .endsWith("subscriptionRemoved")
                .containsOnlyOnce("subscriptionRemoved");
        assertThat(outbox.all()).extracting(OutboxEntry::state).doesNotContain(State.PENDING);
        assertThat(notifications.list(app.tenant())).isEmpty();
        groupCreated();
        assertThat(outbox.all()).extracting(OutboxEntry::state).doesNotContain(State.PENDING);
    }

    @Test
    void aNotificationGivenUpIsToldToTheLifecycleUrlAsMissed() {
        ChangeSubscription subscription = subscribe(LIFECYCLE, Duration.ofDays(2));
        groupCreated();
        endpoints.failing.add(HOOK);

        for (int i = 0; i < 300 && outbox.all().get(0).state() == State.PENDING; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }
        delivery.deliverDue();

        assertThat(outbox.all().get(0).state()).isEqualTo(State.FAILED);
        assertThat(endpoints.changes(LIFECYCLE)).containsExactly("missed");
        Notification missed = endpoints.sent.get(0).notifications().get(0);
        assertThat(missed.subscriptionId()).isEqualTo(subscription.id());
        assertThat(missed.clientState()).isEqualTo("state");
        assertThat(missed.event()).isNull();
    }

    @Test
    void aSubscriptionAboutToExpireIsAskedOnceToReauthorizeAndAgainOnlyAfterARenewal() {
        ChangeSubscription subscription = subscribe(LIFECYCLE, Duration.ofHours(3));
        delivery.deliverDue();
        assertThat(endpoints.changes(LIFECYCLE))
                .as("not within an hour of expiry yet")
                .isEmpty();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(endpoints.changes(LIFECYCLE)).containsExactly("reauthorizationRequired");
        assertThat(current(subscription).reauthorizeRequested()).isNotNull();
        assertThat(notifications.reauthorize(app, subscription.id()).isDone()).isTrue();
        assertThat(current(subscription).reauthorizeRequested()).isNull();
        clock.advance(Duration.ofMinutes(10));
        delivery.deliverDue();
        assertThat(endpoints.changes(LIFECYCLE))
                .as("reauthorized, not renewed: asked once per expiration")
                .hasSize(1);

        notifications.renew(
                app,
                subscription.id(),
                clock.instant().plus(Duration.ofMinutes(30)).toString());
        delivery.deliverDue();
        assertThat(endpoints.changes(LIFECYCLE)).hasSize(2);
        clock.advance(Duration.ofHours(1));
        assertThat(notifications.reauthorize(app, subscription.id()).rejection().code())
                .as("an expired subscription is gone")
                .isEqualTo(org.allot.core.ErrorCode.NOT_FOUND);
    }

    @Test
    void anAppsChangedCredentialsAskItsSubscriptionsToReauthorizeAndItsDeletionRemovesThem() {
        ChangeSubscription told = subscribe(LIFECYCLE, Duration.ofDays(2));
        ChangeSubscription silent = subscribe(null, Duration.ofDays(2));

        assertThat(notifications.credentialsChanged(app.tenant(), app.actor().id()))
                .isEqualTo(1);
        assertThat(notifications.credentialsChanged(app.tenant(), "another app"))
                .isZero();
        delivery.deliverDue();
        assertThat(endpoints.changes(LIFECYCLE)).containsExactly("reauthorizationRequired");
        assertThat(current(told).reauthorizeRequested()).isNotNull();
        notifications.renew(
                app, told.id(), clock.instant().plus(Duration.ofDays(3)).toString());
        assertThat(current(told).reauthorizeRequested())
                .as("a renewal reauthorizes")
                .isNull();

        assertThat(notifications.applicationRemoved(app.tenant(), app.actor().id()))
                .isEqualTo(2);
        delivery.deliverDue();

        assertThat(endpoints.changes(LIFECYCLE)).containsExactly("reauthorizationRequired", "subscriptionRemoved");
        assertThat(state(told)).isEqualTo(ChangeSubscription.State.REMOVED);
        assertThat(state(silent)).isEqualTo(ChangeSubscription.State.REMOVED);
        assertThat(notifications.list(app.tenant())).isEmpty();
    }

    @Test
    void changesWaitInTheOutboxWhileAReauthorizationIsPendingAndGoOnceItIsGiven() {
        ChangeSubscription subscription = subscribe(LIFECYCLE, Duration.ofDays(2));
        notifications.credentialsChanged(app.tenant(), app.actor().id());
        UUID staff = groupCreated();

        delivery.deliverDue();
        clock.advance(Duration.ofHours(5));
        delivery.deliverDue();

        assertThat(endpoints.changes(LIFECYCLE)).containsExactly("reauthorizationRequired");
        assertThat(endpoints.changes(HOOK)).as("paused until reauthorized").isEmpty();
        OutboxEntry waiting =
                outbox.all().stream().filter(e -> !e.isLifecycle()).findFirst().orElseThrow();
        assertThat(waiting.state()).isEqualTo(State.PENDING);
        assertThat(waiting.attempts()).as("waiting is no attempt").isZero();

        assertThat(notifications.reauthorize(app, subscription.id()).isDone()).isTrue();
        delivery.deliverDue();

        assertThat(endpoints.changes(HOOK)).containsExactly("created Groups/" + staff);
    }

    @Test
    void changesClaimedBeforeAReauthorizationWasAskedForGoBackToTheOutbox() {
        InMemoryNotificationOutbox blind = new InMemoryNotificationOutbox();
        NotificationDelivery unaware =
                new NotificationDelivery(Transactions.NONE, subscriptions, blind, endpoints, SETTINGS, clock);
        ChangeSubscription subscription = subscribe(LIFECYCLE, Duration.ofDays(2));
        subscriptions.update(current(subscription).withReauthorizeRequested(clock.instant()));
        blind.add(java.util.List.of(OutboxEntry.change(
                subscription, ChangeEvent.group(UUID.randomUUID(), ChangeType.CREATED), clock.instant())));

        unaware.deliverDue();

        assertThat(endpoints.sent).isEmpty();
        assertThat(blind.all().get(0).state()).isEqualTo(State.PENDING);
        assertThat(blind.all().get(0).attempts()).isZero();
    }

    @Test
    void whatIsPendingForAnExpiredSubscriptionIsDroppedUnsent() {
        subscribe(null, Duration.ofHours(1));
        groupCreated();
        clock.advance(Duration.ofHours(2));

        delivery.deliverDue();

        assertThat(endpoints.sent).isEmpty();
        assertThat(only().state()).isEqualTo(State.DROPPED);
        assertThat(notifications.list(app.tenant())).isEmpty();
    }

    @Test
    void finishedNotificationsAndEndedSubscriptionsAreForgottenAfterTheirKeepingTime() {
        subscribe(null, Duration.ofHours(1));
        groupCreated();
        delivery.deliverDue();
        clock.advance(Duration.ofDays(8));

        assertThat(delivery.tidy(Duration.ofDays(7))).isEqualTo(1);

        assertThat(outbox.all()).isEmpty();
        assertThat(notifications.all(app.tenant())).isEmpty();
    }

    private ChangeSubscription subscribe(URI lifecycle, Duration lifetime) {
        return notifications
                .create(
                        app,
                        new SubscriptionRequest(
                                "created",
                                HOOK.toString(),
                                lifecycle == null ? null : lifecycle.toString(),
                                "groups",
                                clock.instant().plus(lifetime).toString(),
                                "state"))
                .value();
    }

    /** A group created, as the directory's change log tells it, and relayed. */
    private UUID groupCreated() {
        UUID id = log.log(app.tenant(), Subject.GROUP, UUID.randomUUID(), Op.CREATED);
        relay.relayDue();
        return id;
    }

    private OutboxEntry only() {
        assertThat(outbox.all()).hasSize(1);
        return outbox.all().get(0);
    }

    private ChangeSubscription.State state(ChangeSubscription s) {
        return current(s).state();
    }

    private ChangeSubscription current(ChangeSubscription s) {
        return subscriptions.find(s.tenant(), s.id()).orElseThrow();
    }
}
