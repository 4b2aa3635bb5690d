package org.allot.core.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.Transactions;

/**
 * Delivers the outbox, a batch per turn: claims what is due (any number of threads and servers share the work), sends
 * the notifications of one subscription and URL in one request, outside any unit of work, and records each outcome.
 * A failed notification is retried with a pause that doubles each time (at most {@link
 * NotificationSettings#maxBackoff()}) until it has been retried for {@link NotificationSettings#retryFor()}; its
 * subscription is flagged failing, and removed once its URL has failed for {@link NotificationSettings#removeAfter()}
 * without a success (then {@code subscriptionRemoved} goes to its lifecycle URL). A notification given up is told to
 * the lifecycle URL as {@code missed}; a subscription about to expire is sent {@code reauthorizationRequired} there
 * ({@link NotificationSettings#reauthorizeBefore()} ahead, once per expiration). Notifications of subscriptions that
 * expired, were deleted or removed are dropped unsent; lifecycle notifications are still sent. While a subscription
 * waits for its reauthorization ({@link ChangeSubscription#paused}), its change notifications stay in the outbox,
 * unsent and uncounted, and go once it is reauthorized or renewed.
 */
public final class NotificationDelivery {
    public static final String SUBSCRIPTION_REMOVED = "subscriptionRemoved";
    public static final String REAUTHORIZATION_REQUIRED = "reauthorizationRequired";
    public static final String MISSED = "missed";

    private final Transactions work;
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final WebhookEndpoints endpoints;
    private final NotificationSettings settings;
    private final Clock clock;

    public NotificationDelivery(
            Transactions work,
            ChangeSubscriptions subscriptions,
            NotificationOutbox outbox,
            WebhookEndpoints endpoints,
            NotificationSettings settings,
            Clock clock) {
        this.work = work;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
    }

    /** One turn: claims a batch and delivers it; true when something was claimed (more may be due). */
    public boolean deliverDue() {
        Instant now = clock.instant();
        challengeExpiring(now);
        List<OutboxEntry> claimed = work.run(() -> outbox.claim(now, now.plus(settings.lease()), settings.batch()));
        Map<String, List<OutboxEntry>> requests = new LinkedHashMap<>();
        for (OutboxEntry entry : claimed) {
            String key = entry.tenant().value() + "/" + entry.subscriptionId() + "/" + entry.isLifecycle();
            requests.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(entry);
        }
        Instant halfLease = now.plus(settings.lease().dividedBy(2));
        for (List<OutboxEntry> request : requests.values()) {
            if (clock.instant().isAfter(halfLease)) {
                // slow endpoints took most of the lease: give the rest back before another server may take it
                work.run(() -> {
                    request.forEach(e -> outbox.release(e, clock.instant()));
                    return null;
                });
            } else {
                deliver(request);
            }
        }
        return !claimed.isEmpty();
    }

    /**
     * Sends {@code reauthorizationRequired} to the lifecycle URL of each live subscription that expires within {@link
     * NotificationSettings#reauthorizeBefore()} and was not challenged for this expiration yet.
     */
    void challengeExpiring(Instant now) {
        work.run(() -> {
            List<ChangeSubscription> due =
                    subscriptions.expiringUnchallenged(now, now.plus(settings.reauthorizeBefore()), settings.batch());
            for (ChangeSubscription s : due) {
                subscriptions.update(s.challengedBeforeExpiry(now));
                outbox.add(List.of(OutboxEntry.lifecycle(s, REAUTHORIZATION_REQUIRED, now)));
            }
            return null;
        });
    }

    /**
     * Forgets notifications that ended before {@code keepFor} ago, and subscriptions that expired or were removed
     * that long ago; returns how many notifications were forgotten.
     */
    public int tidy(java.time.Duration keepFor) {
        Instant before = clock.instant().minus(keepFor);
        return work.run(() -> {
            subscriptions.forget(before);
            return outbox.forget(before);
        });
    }

    private void deliver(List<OutboxEntry> entries) {
        OutboxEntry first = entries.get(0);
        Instant now = clock.instant();
        Optional<ChangeSubscription> found =
                work.read(() -> subscriptions.find(first.tenant(), first.subscriptionId()));
        boolean lifecycle = first.isLifecycle();
        if (found.isEmpty()
                || (!lifecycle && !found.get().live(now))
                || (lifecycle && found.get().lifecycleNotificationUrl() == null)) {
            String why = found.isEmpty() ? "subscription deleted" : "subscription expired or removed";
            work.run(() -> {
                entries.forEach(e -> outbox.end(e, OutboxEntry.State.DROPPED, why));
                return null;
            });
            return;
        }
        ChangeSubscription subscription = found.get();
        if (!lifecycle && subscription.paused(now)) {
            // paused after these were claimed: back to the outbox, which holds them until the reauthorization
            work.run(() -> {
                entries.forEach(e -> outbox.release(e, now));
                return null;
            });
            return;
        }
        URI url = lifecycle ? subscription.lifecycleNotificationUrl() : subscription.notificationUrl();
        List<Notification> notifications = entries.stream()
                .map(e -> new Notification(
                        subscription.id(),
                        subscription.clientState(),
                        subscription.expiration(),
                        subscription.tenant().value(),
                        e.event(),
                        e.lifecycleEvent()))
                .toList();
        Optional<String> failure = endpoints.deliver(url, notifications);
        Instant after = clock.instant();
        work.run(() -> {
            // the subscription before its outbox entries, as every writer locks them
            Optional<ChangeSubscription> current =
                    lifecycle ? Optional.empty() : subscriptions.lock(subscription.tenant(), subscription.id());
            if (failure.isEmpty()) {
                entries.forEach(e -> outbox.delivered(e, after));
                current.ifPresent(this::succeeded);
            } else {
                boolean givenUp = false;
                for (OutboxEntry entry : entries) {
                    givenUp |= failed(entry, failure.get(), after);
                }
                if (!lifecycle) {
                    if (givenUp && subscription.lifecycleNotificationUrl() != null) {
                        outbox.add(List.of(OutboxEntry.lifecycle(subscription, MISSED, after)));
                    }
                    current.ifPresent(s -> failing(s, after));
                }
            }
            return null;
        });
    }

    /** Retries a failed entry, or gives it up when it has been retried long enough; true when given up. */
    private boolean failed(OutboxEntry entry, String error, Instant now) {
        Instant next = now.plus(settings.backoff(entry.attempts()));
        if (next.isAfter(entry.created().plus(settings.retryFor()))) {
            outbox.end(entry, OutboxEntry.State.FAILED, error);
            return true;
        }
        outbox.retry(entry, next, error);
        return false;
    }

    /** Flags a failing subscription (locked) active again. */
    private void succeeded(ChangeSubscription s) {
        if (s.state() == ChangeSubscription.State.FAILING) {
            subscriptions.update(s.withState(ChangeSubscription.State.ACTIVE, null));
        }
    }

    /** Flags the subscription (locked) failing, or removes it when its URL has failed for too long. */
    private void failing(ChangeSubscription s, Instant now) {
        if (s.state() == ChangeSubscription.State.REMOVED) {
            return;
        }
        if (s.state() == ChangeSubscription.State.ACTIVE) {
            subscriptions.update(s.withState(ChangeSubscription.State.FAILING, now));
        } else if (!s.failingSince().plus(settings.removeAfter()).isAfter(now)) {
            subscriptions.update(s.withState(ChangeSubscription.State.REMOVED, s.failingSince()));
            outbox.dropPending(s.tenant(), s.id(), "subscription removed: its notification URL kept failing");
            if (s.lifecycleNotificationUrl() != null) {
                outbox.add(List.of(OutboxEntry.lifecycle(s, SUBSCRIPTION_REMOVED, now)));
            }
        }
    }
}
