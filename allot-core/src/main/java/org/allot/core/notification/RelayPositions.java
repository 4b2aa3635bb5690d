package org.allot.core.notification;

import java.time.Instant;
import java.util.List;
import org.allot.core.TenantId;

/**
 * Port: how far change notifications have read each tenant's change log, a position as delta tokens carry one. A
 * tenant's log is followed while it has subscriptions; any number of delivering threads and servers share the work,
 * each tenant's position held by one at a time.
 */
public interface RelayPositions {
    /** A tenant's position in its change log. */
    record Position(TenantId tenant, String position) {}

    /** Follows the tenant's log from now on, unless it is followed already. */
    void start(TenantId tenant);

    /** Claims up to {@code limit} tenants' positions, skipping those another transaction holds. */
    List<Position> claim(int limit);

    void advance(TenantId tenant, String position, Instant at);

    /** Stops following the tenant's log unless it has subscriptions that are live at {@code now}. */
    void stopUnlessSubscribed(TenantId tenant, Instant now);
}
