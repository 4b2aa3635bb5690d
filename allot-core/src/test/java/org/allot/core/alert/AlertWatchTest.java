package org.allot.core.alert;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.directory.UserId;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.OutboxEntry;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.core.testing.InMemoryAlertSettings;
import org.allot.core.testing.InMemoryAlerts;
import org.allot.core.testing.InMemoryAuditLog;
import org.allot.core.testing.InMemoryChangeSubscriptions;
import org.allot.core.testing.InMemoryNotificationOutbox;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Alerts (docs/alerts.md) on an injected clock: raised once when their condition starts, resolved when it ends, never
 * repeated while it lasts; each raised and resolved alert queued once for the webhooks that subscribed to alerts.
 */
class AlertWatchTest {
    private final Scenario contoso = Scenario.contoso();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAlertSettings settings = new InMemoryAlertSettings();
    private final InMemoryChangeSubscriptions subscriptions = new InMemoryChangeSubscriptions();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final AlertWatch watch = new AlertWatch(
            Transactions.NONE,
            new AlertWatch.Ports(
                    contoso.readOnlyTenants(),
                    contoso.allot.subscriptionBook(),
                    settings,
                    alerts,
                    subscriptions,
                    outbox),
            contoso.allot.clock());
    private final AlertPolicy policy =
            new AlertPolicy(Transactions.NONE, settings, watch, audit, contoso.allot.clock());

    private Instant now() {
        return contoso.allot.clock().instant();
    }

    private Subscription subscribeUntil(int seats, Instant end) {
        return contoso.allot
                .subscriptionBook()
                .add(
                        contoso.admin,
                        E3.skuId(),
                        seats,
                        SubscriptionStatus.Enabled,
                        false,
                        null,
                        new SubscriptionTerms(null, end, false, new BigDecimal("32.00"), "EUR"))
                .value();
    }

    private ChangeSubscription webhook(String resource) {
        ChangeSubscription s = new ChangeSubscription(
                UUID.randomUUID(),
                contoso.tenant,
                resource,
                EnumSet.of(ChangeType.CREATED, ChangeType.UPDATED),
                URI.create("https://hooks.example.com/alerts"),
                null,
                "state",
                now().plus(Duration.ofDays(365)),
                now(),
                "app",
                ChangeSubscription.State.ACTIVE,
                null,
                null,
                null);
        subscriptions.add(s);
        return s;
    }

    private List<Alert> open() {
        return watch.list(contoso.tenant, true, 100);
    }

    private List<ChangeEvent> queued() {
        List<ChangeEvent> events = new java.util.ArrayList<>(outbox.recent(contoso.tenant, null, 100).stream()
                .map(OutboxEntry::event)
                .toList());
        java.util.Collections.reverse(events);
        return events;
    }

    @Test
    void fewFreeSeatsRaiseOneAlertThatResolvesWhenSeatsAreAdded() {
        ChangeSubscription hook = webhook("allot/v1/alerts");
        webhook("users");
        Subscription e3 = contoso.subscribe(E3, 3);
        assertThat(policy.change(contoso.admin, new AlertPolicy.Change(null, null, 2, null))
                        .isDone())
                .isTrue();
        assertThat(open()).as("3 free seats: not below 2").isEmpty();

        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        contoso.assign(ada, E3).value();
        contoso.assign(bob, E3).value();
        AlertWatch.Changes first = watch.evaluate(contoso.tenant);
        watch.evaluate(contoso.tenant);
        watch.evaluateAll();

        assertThat(first.raised()).hasSize(1);
        assertThat(open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FREE_SEATS_LOW);
            assertThat(a.figure()).isEqualTo(1);
            assertThat(a.summary()).isEqualTo("Office 365 E3 has 1 free seat left (the alert is set below 2).");
            assertThat(a.nextStep()).contains("Add seats");
        });
        Alert raised = open().get(0);
        assertThat(queued())
                .as("queued once, for the subscription to alerts only")
                .containsExactly(ChangeEvent.alert(raised.id(), ChangeType.CREATED));
        assertThat(outbox.recent(contoso.tenant, null, 100))
                .extracting(OutboxEntry::subscriptionId)
                .containsOnly(hook.id());

        contoso.allot.clock().advance(Duration.ofHours(1));
        contoso.setSeats(e3, 10);
        AlertWatch.Changes after = watch.evaluate(contoso.tenant);
        watch.evaluate(contoso.tenant);

        assertThat(after.resolved()).extracting(Alert::id).containsExactly(raised.id());
        assertThat(open()).isEmpty();
        assertThat(watch.find(contoso.tenant, raised.id()).orElseThrow().resolved())
                .isAfter(raised.raised());
        assertThat(queued())
                .containsExactly(
                        ChangeEvent.alert(raised.id(), ChangeType.CREATED),
                        ChangeEvent.alert(raised.id(), ChangeType.UPDATED));

        contoso.setSeats(e3, 2);
        assertThat(watch.evaluate(contoso.tenant).raised())
                .as("the condition starts again: a new alert")
                .singleElement()
                .satisfies(a -> assertThat(a.id()).isNotEqualTo(raised.id()));
    }

    @Test
    void aSubscriptionEndingWithinThirtyDaysIsAlertedOnceThenAsExpiredAndSuspended() {
        Instant end = now().plus(Duration.ofDays(45));
        Subscription s = subscribeUntil(5, end);

        assertThat(watch.evaluate(contoso.tenant).raised())
                .as("45 days ahead: not yet")
                .isEmpty();
        contoso.allot.clock().advance(Duration.ofDays(15));
        AlertWatch.Changes expiring = watch.evaluate(contoso.tenant);
        contoso.allot.clock().advance(Duration.ofDays(10));
        assertThat(watch.evaluate(contoso.tenant).count())
                .as("no repeat while it lasts")
                .isZero();

        assertThat(expiring.raised()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SUBSCRIPTION_EXPIRING);
            assertThat(a.subject()).isEqualTo(s.id().value());
            assertThat(a.due()).isEqualTo(end);
            assertThat(a.summary())
                    .isEqualTo("A subscription of Office 365 E3 (5 seats) ends on "
                            + end.toString().substring(0, 10) + ".");
        });

        contoso.allot.clock().advance(Duration.ofDays(21));
        contoso.allot.subscriptionCalendar().advance();
        AlertWatch.Changes expired = watch.evaluate(contoso.tenant);
        assertThat(expired.resolved()).extracting(Alert::kind).containsExactly(AlertKind.SUBSCRIPTION_EXPIRING);
        assertThat(expired.raised()).extracting(Alert::kind).containsExactly(AlertKind.SUBSCRIPTION_EXPIRED);

        contoso.allot.clock().advance(Duration.ofDays(30));
        contoso.allot.subscriptionCalendar().advance();
        AlertWatch.Changes suspended = watch.evaluate(contoso.tenant);
        assertThat(suspended.resolved()).extracting(Alert::kind).containsExactly(AlertKind.SUBSCRIPTION_EXPIRED);
        assertThat(suspended.raised()).extracting(Alert::kind).containsExactly(AlertKind.SUBSCRIPTION_SUSPENDED);
        assertThat(open()).singleElement().satisfies(a -> assertThat(a.summary())
                .startsWith("A subscription of Office 365 E3 (5 seats) is suspended"));

        contoso.allot.clock().advance(Duration.ofDays(90));
        contoso.allot.subscriptionCalendar().advance();
        assertThat(watch.evaluate(contoso.tenant).resolved())
                .as("deleted: nothing more to do about it")
                .extracting(Alert::kind)
                .containsExactly(AlertKind.SUBSCRIPTION_SUSPENDED);
        assertThat(open()).isEmpty();
    }

    @Test
    void aSubscriptionThatRenewsByItselfOrEndsLaterRaisesNothing() {
        contoso.allot
                .subscriptionBook()
                .add(
                        contoso.admin,
                        E3.skuId(),
                        5,
                        SubscriptionStatus.Enabled,
                        false,
                        null,
                        new SubscriptionTerms(null, now().plus(Duration.ofDays(3)), true, null, null));
        subscribeUntil(5, now().plus(Duration.ofDays(31)));

        assertThat(watch.evaluate(contoso.tenant).raised()).isEmpty();
    }

    @Test
    void aLongWaitingListRaisesAnAlertAndRulesOffResolveIt() {
        contoso.subscribe(E3, 1);
        contoso.aGroup("All")
                .withMembers(contoso.user("ada"), contoso.user("bob"), contoso.user("cy"))
                .licensedWith(E3)
                .create();
        policy.change(contoso.admin, new AlertPolicy.Change(null, null, null, 2))
                .value();

        assertThat(open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.WAITING_LIST_LONG);
            assertThat(a.summary()).isEqualTo("2 users wait for Office 365 E3 (the alert is set at 2).");
        });

        policy.change(contoso.admin, new AlertPolicy.Change(null, null, null, 0))
                .value();
        assertThat(open()).as("the rule turned off ends its condition").isEmpty();
    }

    @Test
    void rulesAreCheckedAsAWholeAndAuditedWithWhatChanged() {
        var refused = policy.change(contoso.admin, new AlertPolicy.Change(30, true, 5, -1));
        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.rejection().message()).isEqualTo("'waitingAtLeast' is 0 (off) to 10000000 users, not -1.");
        assertThat(policy.rules(contoso.tenant)).as("nothing half-applied").isEqualTo(AlertRules.DEFAULTS);
        assertThat(policy.change(contoso.admin, new AlertPolicy.Change(null, null, null, null))
                        .isDone())
                .isFalse();

        AlertRules set = policy.change(contoso.admin, new AlertPolicy.Change(14, null, 5, null))
                .value();
        policy.change(contoso.admin, new AlertPolicy.Change(14, null, 5, null));

        assertThat(set).isEqualTo(new AlertRules(14, true, 5, 0));
        assertThat(audit.of(Activity.SET_ALERT_RULES)).singleElement().satisfies(e -> assertThat(e.changes())
                .extracting(c -> c.name() + " " + c.oldValue() + " " + c.newValue())
                .containsExactly("expiringWithinDays 30 14", "freeSeatsBelow 0 5"));
    }
}
