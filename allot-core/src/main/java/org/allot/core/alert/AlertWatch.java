package org.allot.core.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.TenantRounds;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenants;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeSubscriptions;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.NotificationOutbox;
import org.allot.core.notification.OutboxEntry;
import org.allot.core.subscription.SubscriptionBook;

/**
 * Watches each tenant's products and subscriptions against its alert rules ({@link AlertConditions}): an alert is
 * raised once when its condition starts, and resolved when it ends; a run that finds nothing new changes nothing. A
 * raised or resolved alert is queued, in the same unit of work, for every live change-notification subscription of
 * the tenant to {@code /allot/v1/alerts} ({@code created}: raised; {@code updated}: resolved), so the durable outbox
 * delivers and retries it as any change notification. Idempotent and safe on every server at once: a tenant's
 * evaluation holds its alerts ({@link Alerts#lock}), and an alert of the same kind and subject is open at most once.
 */
public final class AlertWatch {

    /** The most alerts one read returns. */
    public static final int MAX_LIST = 500;

    private final Transactions transactions;
    private final Tenants tenants;
    private final SubscriptionBook book;
    private final AlertSettings settings;
    private final Alerts alerts;
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final Clock clock;

    /** The ports it reads and writes. */
    public record Ports(
            Tenants tenants,
            SubscriptionBook book,
            AlertSettings settings,
            Alerts alerts,
            ChangeSubscriptions subscriptions,
            NotificationOutbox outbox) {}

    public AlertWatch(Transactions transactions, Ports ports, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(ports.tenants());
        this.book = Objects.requireNonNull(ports.book());
        this.settings = Objects.requireNonNull(ports.settings());
        this.alerts = Objects.requireNonNull(ports.alerts());
        this.subscriptions = Objects.requireNonNull(ports.subscriptions());
        this.outbox = Objects.requireNonNull(ports.outbox());
        this.clock = Objects.requireNonNull(clock);
    }

    /** What one evaluation raised and resolved. */
    public record Changes(List<Alert> raised, List<Alert> resolved) {
        public int count() {
            return raised.size() + resolved.size();
        }
    }

    /**
     * Evaluates every tenant, each in its own unit of work; returns how many alerts were raised or resolved. A tenant
     * whose evaluation fails is left for the next run and the others are evaluated; the failure is thrown once the
     * round is over ({@link TenantRounds}).
     */
    public int evaluateAll() {
        return TenantRounds.sum(
                transactions.read(tenants::all), t -> evaluate(t.id()).count());
    }

    /** Evaluates one tenant's rules now: raises what started, resolves what ended. */
    public Changes evaluate(TenantId tenant) {
        return transactions.run(() -> {
            alerts.lock(tenant);
            Instant now = clock.instant();
            List<Condition> found = AlertConditions.of(
                    settings.of(tenant), book.subscribedSkus(tenant), book.subscriptions(tenant), now);
            List<Alert> open = alerts.open(tenant);
            Set<Condition.Key> openKeys = new HashSet<>();
            open.forEach(a -> openKeys.add(a.key()));
            Set<Condition.Key> foundKeys = new HashSet<>();
            List<Alert> raised = new ArrayList<>();
            for (Condition c : found) {
                foundKeys.add(c.key());
                if (!openKeys.contains(c.key())) {
                    Alert alert = c.raise(tenant, now);
                    if (alerts.raise(alert)) {
                        raised.add(alert);
                    }
                }
            }
            List<Alert> resolved = new ArrayList<>();
            for (Alert a : open) {
                if (!foundKeys.contains(a.key()) && alerts.resolve(tenant, a.id(), now)) {
                    resolved.add(a.resolvedAt(now));
                }
            }
            notify(tenant, raised, resolved, now);
            return new Changes(raised, resolved);
        });
    }

    private void notify(TenantId tenant, List<Alert> raised, List<Alert> resolved, Instant now) {
        if (raised.isEmpty() && resolved.isEmpty()) {
            return;
        }
        List<ChangeEvent> events = new ArrayList<>();
        raised.forEach(a -> events.add(ChangeEvent.alert(a.id(), ChangeType.CREATED)));
        resolved.forEach(a -> events.add(ChangeEvent.alert(a.id(), ChangeType.UPDATED)));
        List<OutboxEntry> entries = new ArrayList<>();
        for (ChangeSubscription s : subscriptions.live(tenant, now)) {
            for (ChangeEvent e : events) {
                if (s.matches(e)) {
                    entries.add(OutboxEntry.change(s, e, now));
                }
            }
        }
        if (!entries.isEmpty()) {
            outbox.add(entries);
        }
    }

    /** The tenant's latest alerts, open ones first; only open ones if {@code openOnly}. */
    public List<Alert> list(TenantId tenant, boolean openOnly, int limit) {
        return transactions.read(() -> alerts.recent(tenant, openOnly, Math.min(Math.max(limit, 1), MAX_LIST)));
    }

    public Optional<Alert> find(TenantId tenant, UUID id) {
        return transactions.read(() -> alerts.find(tenant, id));
    }
}
