package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.allot.core.TenantId;
import org.allot.core.notification.NotificationOutbox;
import org.allot.core.notification.OutboxEntry;
import org.allot.core.notification.OutboxEntry.State;

/**
 * The outbox in memory, numbered in order; given the subscriptions, it leaves the changes of paused ones unclaimed, as
 * the port asks.
 */
public final class InMemoryNotificationOutbox implements NotificationOutbox {
    private final Map<Long, OutboxEntry> entries = new TreeMap<>();
    private final InMemoryChangeSubscriptions subscriptions;
    private long next = 1;

    /** An outbox that does not know the subscriptions: it claims every due entry. */
    public InMemoryNotificationOutbox() {
        this(null);
    }

    public InMemoryNotificationOutbox(InMemoryChangeSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    private boolean paused(OutboxEntry e, Instant now) {
        return subscriptions != null
                && !e.isLifecycle()
                && subscriptions
                        .find(e.tenant(), e.subscriptionId())
                        .filter(s -> s.paused(now))
                        .isPresent();
    }

    @Override
    public synchronized void add(List<OutboxEntry> added) {
        for (OutboxEntry e : added) {
            long id = next++;
            entries.put(id, copy(e, id, e.attempts(), e.nextAttempt(), e.state(), e.lastError(), e.delivered()));
        }
    }

    @Override
    public synchronized List<OutboxEntry> claim(Instant now, Instant leaseUntil, int limit) {
        List<OutboxEntry> due = entries.values().stream()
                .filter(e -> e.state() == State.PENDING && !e.nextAttempt().isAfter(now) && !paused(e, now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttempt).thenComparing(OutboxEntry::id))
                .limit(limit)
                .toList();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : due) {
            OutboxEntry c = copy(e, e.id(), e.attempts() + 1, leaseUntil, e.state(), e.lastError(), e.delivered());
            entries.put(e.id(), c);
            claimed.add(c);
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(OutboxEntry entry, Instant at) {
        change(entry, e -> copy(e, e.id(), e.attempts(), e.nextAttempt(), State.DELIVERED, e.lastError(), at));
    }

    @Override
    public synchronized void retry(OutboxEntry entry, Instant next, String error) {
        change(
                entry,
                e -> e.state() != State.PENDING
                        ? e
                        : copy(e, e.id(), e.attempts(), next, e.state(), error, e.delivered()));
    }

    @Override
    public synchronized void release(OutboxEntry entry, Instant at) {
        change(
                entry,
                e -> e.state() != State.PENDING
                        ? e
                        : copy(e, e.id(), Math.max(0, e.attempts() - 1), at, e.state(), e.lastError(), e.delivered()));
    }

    @Override
    public synchronized void end(OutboxEntry entry, State state, String error) {
        change(
                entry,
                e -> copy(
                        e,
                        e.id(),
                        e.attempts(),
                        e.nextAttempt(),
                        state,
                        error == null ? e.lastError() : error,
                        e.delivered()));
    }

    @Override
    public synchronized void dropPending(TenantId tenant, UUID subscriptionId, String reason) {
        entries.replaceAll((id, e) -> e.tenant().equals(tenant)
                        && e.subscriptionId().equals(subscriptionId)
                        && e.state() == State.PENDING
                        && !e.isLifecycle()
                ? copy(e, id, e.attempts(), e.nextAttempt(), State.DROPPED, reason, e.delivered())
                : e);
    }

    @Override
    public synchronized List<OutboxEntry> recent(TenantId tenant, UUID subscriptionId, int limit) {
        return entries.values().stream()
                .filter(e -> e.tenant().equals(tenant))
                .filter(e -> subscriptionId == null || e.subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparingLong(OutboxEntry::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int forget(Instant before) {
        int size = entries.size();
        entries.values().removeIf(e -> e.state() != State.PENDING && e.created().isBefore(before));
        return size - entries.size();
    }

    /** Every entry, oldest first. */
    public synchronized List<OutboxEntry> all() {
        return List.copyOf(entries.values());
    }

    private void change(OutboxEntry entry, UnaryOperator<OutboxEntry> change) {
        entries.computeIfPresent(entry.id(), (id, e) -> change.apply(e));
    }

    private static OutboxEntry copy(
            OutboxEntry e, long id, int attempts, Instant next, State state, String error, Instant delivered) {
        return new OutboxEntry(
                id,
                e.tenant(),
                e.subscriptionId(),
                e.event(),
                e.lifecycleEvent(),
                e.created(),
                attempts,
                next,
                state,
                error,
                delivered);
    }
}
