package org.allot.core.assignment;

import java.time.Instant;
import java.util.Comparator;
import org.allot.core.directory.UserId;

/**
 * The order of a waiting list. Every group has priority 0 unless an administrator sets another, so by default the
 * list is first come, first served by the time each request joined it. Members waiting through a group with a
 * higher priority go ahead of those with a lower one. Ties fall to the user id, so the order never changes by
 * itself.
 *
 * @param priority the priority of the group the request comes from (0 for a direct request)
 */
public record WaitingOrder(UserId user, Instant requestedAt, int priority) {
    public static final Comparator<WaitingOrder> ORDER = Comparator.comparing(
                    WaitingOrder::priority, Comparator.reverseOrder())
            .thenComparing(WaitingOrder::requestedAt)
            .thenComparing(WaitingOrder::user);
}
