package org.allot.core.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;

/**
 * Change subscriptions as Graph's {@code /subscriptions}: created after the notification URL (and the lifecycle URL)
 * passed the validation handshake, renewed, reauthorized, deleted, listed; and what was delivered to them. The
 * directory's changes reach the outbox through {@link NotificationRelay}, from the tenant's change log, which a
 * subscription starts following.
 */
public final class ChangeNotifications {
    /** Graph's longest subscription to directory resources (users, groups): 41,760 minutes (29 days). */
    public static final Duration MAX_LIFETIME = SubscriptionChecks.MAX_LIFETIME;

    static final String HANDSHAKE_FAILED = "Subscription validation request failed. Notification endpoint must respond"
            + " with 200 OK to validation request.";

    private final Transactions work;
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final RelayPositions positions;
    private final WebhookEndpoints endpoints;
    private final NotificationSettings settings;
    private final Clock clock;

    public ChangeNotifications(
            Transactions work,
            ChangeSubscriptions subscriptions,
            NotificationOutbox outbox,
            RelayPositions positions,
            WebhookEndpoints endpoints,
            NotificationSettings settings,
            Clock clock) {
        this.work = work;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.positions = positions;
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Creates a subscription: the request is checked, then the notification URL (and the lifecycle URL, if any) must
     * pass the validation handshake, outside any unit of work; only then is the subscription stored.
     */
    public Outcome<ChangeSubscription> create(Caller caller, SubscriptionRequest request) {
        Instant now = clock.instant();
        Outcome<ChangeSubscription> checked = SubscriptionChecks.check(caller, request, now);
        if (!checked.isDone()) {
            return checked;
        }
        ChangeSubscription subscription = checked.value();
        for (URI url : urls(subscription)) {
            if (endpoints.validate(url, UUID.randomUUID().toString()).isPresent()) {
                return Outcome.refused(Rejection.invalid(HANDSHAKE_FAILED));
            }
        }
        return work.run(() -> {
            if (subscriptions.count(caller.tenant(), now) >= settings.maxSubscriptions()) {
                return Outcome.refused(Rejection.invalid(
                        "The tenant has reached its limit of %d subscriptions.", settings.maxSubscriptions()));
            }
            subscriptions.add(subscription);
            positions.start(caller.tenant());
            return Outcome.done(subscription);
        });
    }

    /** A subscription that still receives notifications (expired and removed ones are gone, as in Graph). */
    public Optional<ChangeSubscription> find(TenantId tenant, UUID id) {
        Instant now = clock.instant();
        return work.read(() -> subscriptions.find(tenant, id)).filter(s -> s.live(now));
    }

    public List<ChangeSubscription> list(TenantId tenant) {
        Instant now = clock.instant();
        return work.read(() -> subscriptions.all(tenant)).stream()
                .filter(s -> s.live(now))
                .toList();
    }

    /** Every subscription of the tenant, removed and expired ones too (for administrators). */
    public List<ChangeSubscription> all(TenantId tenant) {
        return work.read(() -> subscriptions.all(tenant));
    }

    /** Whether the subscription has expired by now. */
    public boolean expired(ChangeSubscription subscription) {
        return subscription.expired(clock.instant());
    }

    /** Whether its change notifications wait for a reauthorization now ({@link ChangeSubscription#paused}). */
    public boolean paused(ChangeSubscription subscription) {
        return subscription.paused(clock.instant());
    }

    /** Renews a subscription: a new expiration, within Graph's limit. */
    public Outcome<ChangeSubscription> renew(Caller caller, UUID id, String expirationDateTime) {
        Instant now = clock.instant();
        Outcome<Instant> expiration = SubscriptionChecks.expiration(expirationDateTime, now);
        if (!expiration.isDone()) {
            return Outcome.refused(expiration.rejection());
        }
        return updateLive(caller, id, now, s -> s.withExpiration(expiration.value()));
    }

    /**
     * Graph's {@code reauthorize}: answers a {@code reauthorizationRequired} challenge without changing the expiration
     * (a renewal reauthorizes too).
     */
    public Outcome<ChangeSubscription> reauthorize(Caller caller, UUID id) {
        return updateLive(caller, id, clock.instant(), s -> s.withReauthorizeRequested(null));
    }

    /** The live subscription changed, read and written under its lock; not found unless it is live. */
    private Outcome<ChangeSubscription> updateLive(
            Caller caller, UUID id, Instant now, UnaryOperator<ChangeSubscription> change) {
        return work.run(() -> {
            Optional<ChangeSubscription> found =
                    subscriptions.lock(caller.tenant(), id).filter(s -> s.live(now));
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            ChangeSubscription changed = change.apply(found.get());
            subscriptions.update(changed);
            return Outcome.done(changed);
        });
    }

    /**
     * An app's credentials or role changed: each of its live subscriptions with a lifecycle URL is sent {@code
     * reauthorizationRequired}, in the caller's unit of work. Returns how many were.
     */
    public int credentialsChanged(TenantId tenant, String applicationId) {
        Instant now = clock.instant();
        return work.run(() -> {
            int asked = 0;
            for (ChangeSubscription s : subscriptions.ofApplication(tenant, applicationId)) {
                if (s.live(now) && s.lifecycleNotificationUrl() != null) {
                    subscriptions.update(s.withReauthorizeRequested(now));
                    outbox.add(List.of(OutboxEntry.lifecycle(s, NotificationDelivery.REAUTHORIZATION_REQUIRED, now)));
                    asked++;
                }
            }
            return asked;
        });
    }

    /**
     * An app was deleted: its live subscriptions are removed, what was pending for them is dropped, and their
     * lifecycle URLs are sent {@code subscriptionRemoved}, in the caller's unit of work. Returns how many.
     */
    public int applicationRemoved(TenantId tenant, String applicationId) {
        Instant now = clock.instant();
        return work.run(() -> {
            int removed = 0;
            for (ChangeSubscription s : subscriptions.ofApplication(tenant, applicationId)) {
                if (s.live(now)) {
                    subscriptions.update(s.withState(ChangeSubscription.State.REMOVED, now));
                    outbox.dropPending(tenant, s.id(), "subscription removed: its app was deleted");
                    if (s.lifecycleNotificationUrl() != null) {
                        outbox.add(List.of(OutboxEntry.lifecycle(s, NotificationDelivery.SUBSCRIPTION_REMOVED, now)));
                    }
                    removed++;
                }
            }
            return removed;
        });
    }

    /** Deletes a subscription; what was still pending for it is dropped. */
    public Outcome<ChangeSubscription> delete(Caller caller, UUID id) {
        return work.run(() -> {
            Optional<ChangeSubscription> found = subscriptions.lock(caller.tenant(), id);
            if (found.isEmpty() || !found.get().live(clock.instant())) {
                return Outcome.refused(Rejection.notFound(id));
            }
            outbox.dropPending(caller.tenant(), id, "subscription deleted");
            subscriptions.remove(caller.tenant(), id);
            return Outcome.done(found.get());
        });
    }

    /** The tenant's latest notifications and their delivery, newest first (of one subscription, or all). */
    public List<OutboxEntry> deliveries(TenantId tenant, UUID subscription, int limit) {
        return work.read(() -> outbox.recent(tenant, subscription, limit));
    }

    private static List<URI> urls(ChangeSubscription subscription) {
        List<URI> urls = new ArrayList<>(List.of(subscription.notificationUrl()));
        if (subscription.lifecycleNotificationUrl() != null) {
            urls.add(subscription.lifecycleNotificationUrl());
        }
        return urls;
    }
}
