package org.allot.core.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.allot.core.Transactions;
import org.allot.core.directory.DirectoryChanges;

/**
 * Turns the directory's change log into notifications: each turn claims tenants' positions in the log, reads what
 * changed since (the same log, positions and created/updated/deleted that delta queries read, so the two cannot
 * disagree, whoever wrote the change), queues one notification per matching live subscription and advances the
 * position, all in one unit of work: a change is queued once, even with several servers. A position the log can no
 * longer serve (trimmed) is told to the tenant's lifecycle URLs as {@code missed}. A tenant without live subscriptions
 * is no longer followed.
 */
public final class NotificationRelay {
    /** Tenants claimed per turn. */
    static final int TENANTS_PER_TURN = 50;

    private final Transactions work;
    private final DirectoryChanges changes;
    private final RelayPositions positions;
    private final ChangeSubscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final Clock clock;

    public NotificationRelay(
            Transactions work,
            DirectoryChanges changes,
            RelayPositions positions,
            ChangeSubscriptions subscriptions,
            NotificationOutbox outbox,
            Clock clock) {
        this.work = work;
        this.changes = changes;
        this.positions = positions;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One turn; true when it claimed as many tenants as it may (more may be waiting). */
    public boolean relayDue() {
        return work.run(() -> {
            List<RelayPositions.Position> claimed = positions.claim(TENANTS_PER_TURN);
            if (claimed.isEmpty()) {
                return false;
            }
            String to = changes.horizon();
            Instant now = clock.instant();
            for (RelayPositions.Position position : claimed) {
                relay(position, to, now);
            }
            return claimed.size() == TENANTS_PER_TURN;
        });
    }

    private void relay(RelayPositions.Position position, String to, Instant now) {
        List<ChangeSubscription> live = subscriptions.live(position.tenant(), now);
        if (live.isEmpty()) {
            positions.stopUnlessSubscribed(position.tenant(), now);
            return;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        if (changes.servable(position.tenant(), position.position())) {
            for (ChangeEvent event : LoggedEvents.of(changes.logged(position.tenant(), position.position(), to))) {
                for (ChangeSubscription subscription : live) {
                    if (subscription.matches(event)) {
                        entries.add(OutboxEntry.change(subscription, event, now));
                    }
                }
            }
        } else {
            for (ChangeSubscription subscription : live) {
                if (subscription.lifecycleNotificationUrl() != null) {
                    entries.add(OutboxEntry.lifecycle(subscription, NotificationDelivery.MISSED, now));
                }
            }
        }
        if (!entries.isEmpty()) {
            outbox.add(entries);
        }
        positions.advance(position.tenant(), to, now);
    }
}
