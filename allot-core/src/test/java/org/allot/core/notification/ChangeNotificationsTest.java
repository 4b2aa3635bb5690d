package org.allot.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.directory.DirectoryChanges.Op;
import org.allot.core.directory.DirectoryChanges.Subject;
import org.allot.core.testing.InMemoryChangeLog;
import org.allot.core.testing.InMemoryChangeSubscriptions;
import org.allot.core.testing.InMemoryNotificationOutbox;
import org.allot.core.testing.InMemoryRelayPositions;
import org.allot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions as Graph takes them, and the relay of the directory's change log to the subscriptions its changes
 * match.
 */
class ChangeNotificationsTest {
    private static final String HOOK = "https://hooks.example.com/allot";

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T10:00:00Z");
    private final InMemoryChangeSubscriptions subscriptions = new InMemoryChangeSubscriptions();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final RecordingEndpoints endpoints = new RecordingEndpoints();
    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryRelayPositions positions = new InMemoryRelayPositions(log, subscriptions);
    private final ChangeNotifications notifications = new ChangeNotifications(
            Transactions.NONE, subscriptions, outbox, positions, endpoints, NotificationSettings.DEFAULT, clock);
    private final NotificationRelay relay =
            new NotificationRelay(Transactions.NONE, log, positions, subscriptions, outbox, clock);
    private final Caller app = Caller.of(TenantId.random(), Actor.app("app", "hook app"));

    @Test
    void aSubscriptionIsStoredOnlyAfterItsUrlsPassTheHandshake() {
        endpoints.refusing.add(URI.create(HOOK));

        Outcome<ChangeSubscription> refused = subscribe("users", "created", HOOK, Duration.ofHours(1));

        assertThat(refused.rejection().message()).isEqualTo(ChangeNotifications.HANDSHAKE_FAILED);
        assertThat(endpoints.validated).containsExactly(URI.create(HOOK));
        assertThat(subscriptions.all(app.tenant())).isEmpty();
    }

    @Test
    void requestsGraphRefusesAreRefused() {
        assertThat(message(subscribe("users", "created", HOOK, ChangeNotifications.MAX_LIFETIME.plusMinutes(1))))
                .isEqualTo("Subscription expiration can only be 41760 minutes in the future.");
        assertThat(subscribe("users", "created", HOOK, ChangeNotifications.MAX_LIFETIME)
                        .isDone())
                .isTrue();
        assertThat(message(subscribe("users", "created", HOOK, Duration.ofMinutes(-1))))
                .isEqualTo("Subscription expiration must be in the future.");
        assertThat(message(subscribe("users", "created", "http://hooks.example.com/allot", Duration.ofHours(1))))
                .isEqualTo("The notificationUrl must be an absolute https URL.");
        assertThat(message(subscribe("users", "created,renamed", HOOK, Duration.ofHours(1))))
                .isEqualTo("Invalid 'changeType' attribute: 'created,renamed'.");
        assertThat(message(subscribe("subscribedSkus", "created", HOOK, Duration.ofHours(1))))
                .isEqualTo("Resource 'subscribedSkus' is not supported.");
        assertThat(message(subscribe("groups/not-an-id/members", "updated", HOOK, Duration.ofHours(1))))
                .isEqualTo("Resource 'groups/not-an-id/members' is not supported.");
        assertThat(endpoints.validated).hasSize(1);
    }

    @Test
    void aChangeIsQueuedOncePerLiveSubscriptionItMatches() {
        UUID staff = UUID.randomUUID();
        UUID users = subscribe("users", "created,updated", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID groups = subscribe("Groups", "updated", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID members = subscribe("groups/" + staff + "/members", "updated", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID deletions = subscribe("groups", "deleted", HOOK, Duration.ofMinutes(1))
                .value()
                .id();

        log.log(app.tenant(), Subject.GROUP, staff, Op.CREATED);
        log.log(app.tenant(), Subject.MEMBERS, staff, Op.CREATED);
        relay.relayDue();
        clock.advance(Duration.ofMinutes(2));
        log.log(app.tenant(), Subject.GROUP, staff, Op.DELETED);
        relay.relayDue();

        assertThat(outbox.all())
                .extracting(e -> label(e, users, groups, members, deletions))
                .containsExactly("groups updated Groups/" + staff, "members updated Groups/" + staff + "/members");
    }

    @Test
    void theChangeLogIsFollowedFromTheFirstSubscriptionOnAndNoLongerOnceNoneIsLeft() {
        UUID before = log.log(app.tenant(), Subject.USER, UUID.randomUUID(), Op.CREATED);
        UUID id = subscribe("users", "created", HOOK, Duration.ofMinutes(5))
                .value()
                .id();
        UUID after = log.log(app.tenant(), Subject.USER, UUID.randomUUID(), Op.CREATED);

        relay.relayDue();
        relay.relayDue();

        assertThat(outbox.all())
                .extracting(e -> e.event().id())
                .containsExactly(after)
                .doesNotContain(before);
        assertThat(notifications.delete(app, id).isDone()).isTrue();
        relay.relayDue();
        assertThat(positions.follows(app.tenant())).isFalse();
    }

    @Test
    void aPositionTheLogCanNoLongerServeIsToldToLifecycleUrlsAsMissed() {
        subscribe("users", "created", HOOK, Duration.ofHours(1));
        notifications.create(
                app,
                new SubscriptionRequest(
                        "created",
                        HOOK,
                        HOOK + "/lifecycle",
                        "users",
                        clock.instant().plus(Duration.ofHours(1)).toString(),
                        "state"));
        log.log(app.tenant(), Subject.USER, UUID.randomUUID(), Op.CREATED);
        log.trim(app.tenant(), clock.instant());

        relay.relayDue();

        assertThat(outbox.all())
                .extracting(e -> e.isLifecycle() ? e.lifecycleEvent() : "change")
                .containsExactly("missed");
    }

    @Test
    void licenseAssignmentsAreWatchedUnderAllotV1ByTenantUserGroupOrProduct() {
        UUID ada = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID sku = UUID.randomUUID();
        UUID all = subscribe("/allot/v1/licenseAssignments", "created,updated,deleted", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID user = subscribe("/allot/v1/users/" + ada + "/licenseAssignments", "created", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID group = subscribe("allot/v1/groups/" + staff + "/licenseAssignments", "created", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID product = subscribe(
                        "/allot/v1/subscribedSkus/" + sku + "/licenseAssignments", "deleted", HOOK, Duration.ofHours(1))
                .value()
                .id();
        UUID users = subscribe("users", "created,updated,deleted", HOOK, Duration.ofHours(1))
                .value()
                .id();
        java.util.Map<UUID, String> names =
                java.util.Map.of(all, "all", user, "user", group, "group", product, "product", users, "users");

        log.logAssignment(app.tenant(), ada, Op.CREATED, new AssignmentChange(sku, null, "Active", null));
        log.logAssignment(
                app.tenant(), UUID.randomUUID(), Op.CREATED, new AssignmentChange(sku, staff, "Active", null));
        log.logAssignment(app.tenant(), ada, Op.DELETED, new AssignmentChange(sku, null, "Active", null));
        relay.relayDue();

        assertThat(outbox.all())
                .extracting(e -> names.get(e.subscriptionId()) + " "
                        + e.event().changeType().wireName() + " "
                        + (e.event().assignment().source() == null ? "direct" : "group"))
                .as("a subscription to users sees no license assignment")
                .containsExactly(
                        "all created direct",
                        "user created direct",
                        "all created group",
                        "group created group",
                        "all deleted direct",
                        "product deleted direct");
        assertThat(notifications.find(app.tenant(), all).orElseThrow().resource())
                .isEqualTo("allot/v1/licenseAssignments");
        assertThat(message(subscribe(
                        "/allot/v1/users/not-an-id/licenseAssignments", "created", HOOK, Duration.ofHours(1))))
                .isEqualTo("Resource 'allot/v1/users/not-an-id/licenseAssignments' is not supported.");
        assertThat(message(subscribe("/allot/v1/subscriptions", "created", HOOK, Duration.ofHours(1))))
                .isEqualTo("Resource 'allot/v1/subscriptions' is not supported.");
    }

    private static String label(OutboxEntry e, UUID users, UUID groups, UUID members, UUID deletions) {
        java.util.Map<UUID, String> names =
                java.util.Map.of(users, "users", groups, "groups", members, "members", deletions, "deletions");
        return names.get(e.subscriptionId()) + " " + e.event().changeType().wireName() + " "
                + e.event().resource();
    }

    private Outcome<ChangeSubscription> subscribe(String resource, String types, String url, Duration lifetime) {
        return notifications.create(
                app,
                new SubscriptionRequest(
                        types,
                        url,
                        null,
                        resource,
                        clock.instant().plus(lifetime).toString(),
                        "state"));
    }

    private static String message(Outcome<?> outcome) {
        assertThat(outcome.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        return outcome.rejection().message();
    }
}
