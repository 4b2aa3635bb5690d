package org.allot.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Port: the durable outbox of notifications. Entries are added in the unit of work of the change they report and
 * claimed by any number of delivering threads and servers, each entry by one at a time.
 */
public interface NotificationOutbox {
    void add(List<OutboxEntry> entries);

    /**
     * Claims up to {@code limit} pending entries due at {@code now} (oldest first), counting an attempt for each and
     * moving it to {@code leaseUntil}, so an entry whose deliverer died is due again then. Changes for a subscription
     * that is {@linkplain ChangeSubscription#paused paused} (a reauthorization asked for and not given) are left where
     * they are, due as soon as it is reauthorized; lifecycle notifications are claimed whatever its state.
     */
    List<OutboxEntry> claim(Instant now, Instant leaseUntil, int limit);

    void delivered(OutboxEntry entry, Instant at);

    void retry(OutboxEntry entry, Instant next, String error);

    /** Gives a claimed entry back unsent and uncounted, due at {@code at}. */
    void release(OutboxEntry entry, Instant at);

    /** Ends an entry unsent: {@code FAILED} or {@code DROPPED}. */
    void end(OutboxEntry entry, OutboxEntry.State state, String error);

    /** Drops what is still pending for a subscription. */
    void dropPending(TenantId tenant, UUID subscriptionId, String reason);

    /** The tenant's latest entries, newest first; of one subscription if {@code subscriptionId} is not null. */
    List<OutboxEntry> recent(TenantId tenant, UUID subscriptionId, int limit);

    /** Forgets delivered, failed and dropped entries created before {@code before}; returns how many. */
    int forget(Instant before);
}
