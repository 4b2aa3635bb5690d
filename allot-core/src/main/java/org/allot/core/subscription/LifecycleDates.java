package org.allot.core.subscription;

import java.time.Instant;
import java.util.List;
import org.allot.core.TenantId;

/** Port: the subscriptions, of every tenant, whose calendar has a move due. */
public interface LifecycleDates {
    /** A subscription of a tenant. */
    record Due(TenantId tenant, SubscriptionId id) {}

    /**
     * Subscriptions not deleted, with an end date and without auto-renew, whose next lifecycle date is {@code at} or
     * earlier, earliest first, at most {@code limit}.
     */
    List<Due> dueBy(Instant at, int limit);
}
