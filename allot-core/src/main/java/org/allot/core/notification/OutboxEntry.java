package org.allot.core.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * One notification waiting in the outbox, or its record once delivered or given up: a change for a subscription
 * ({@code event}), or a lifecycle notification ({@code lifecycleEvent}, {@code event} null).
 *
 * @param id the outbox's own number (0 before it is stored)
 * @param attempts delivery attempts so far
 * @param nextAttempt when it is due (again)
 * @param lastError why the last attempt failed, null if none did
 */
public record OutboxEntry(
        long id,
        TenantId tenant,
        UUID subscriptionId,
        ChangeEvent event,
        String lifecycleEvent,
        Instant created,
        int attempts,
        Instant nextAttempt,
        State state,
        String lastError,
        Instant delivered) {

    public enum State {
        PENDING,
        DELIVERED,
        /** Given up after retrying for too long. */
        FAILED,
        /** Not sent: its subscription expired, was deleted or removed first. */
        DROPPED
    }

    public OutboxEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        if ((event == null) == (lifecycleEvent == null)) {
            throw new IllegalArgumentException("an entry is a change or a lifecycle event");
        }
    }

    public static OutboxEntry change(ChangeSubscription to, ChangeEvent event, Instant now) {
        return new OutboxEntry(0, to.tenant(), to.id(), event, null, now, 0, now, State.PENDING, null, null);
    }

    public static OutboxEntry lifecycle(ChangeSubscription to, String lifecycleEvent, Instant now) {
        return new OutboxEntry(0, to.tenant(), to.id(), null, lifecycleEvent, now, 0, now, State.PENDING, null, null);
    }

    public boolean isLifecycle() {
        return lifecycleEvent != null;
    }
}
