package org.allot.core.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeSubscriptions;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.NotificationOutbox;
import org.allot.core.notification.OutboxEntry;

/**
 * Queues a request's change, in the unit of work that made it, for every live change-notification subscription of the
 * tenant to {@code /allot/v1/licenseRequests}: the durable outbox delivers and retries it as any change notification.
 */
final class RequestNotices {
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;

    RequestNotices(ChangeSubscriptions subscriptions, NotificationOutbox outbox) {
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.outbox = Objects.requireNonNull(outbox);
    }

    void queue(TenantId tenant, UUID request, ChangeType type, Instant now) {
        ChangeEvent event = ChangeEvent.licenseRequest(request, type);
        List<OutboxEntry> entries = new ArrayList<>();
        for (ChangeSubscription s : subscriptions.live(tenant, now)) {
            if (s.matches(event)) {
                entries.add(OutboxEntry.change(s, event, now));
            }
        }
        if (!entries.isEmpty()) {
            outbox.add(entries);
        }
    }
}
