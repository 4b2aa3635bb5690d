package org.allot.core.jobs;

import java.time.Duration;

/**
 * Port: who runs a periodic step (the retention sweep, reclaim, time-bound grants, alerts, request expiry …) when
 * several servers share the database. Each server's timer asks before each turn; the step is granted to one of them
 * per period, whichever asks first once the last turn is {@code due} old, so that it runs once per period across the
 * installation however many servers tick. Runs in a unit of work of its own (it commits at once).
 */
public interface ScheduledSteps {
    /**
     * Claims the step's next turn for {@code node} if its last turn, on any server, began at least {@code due} ago
     * (or it never ran); true when this caller should run it now.
     */
    boolean claim(String step, Duration due, String node);
}
