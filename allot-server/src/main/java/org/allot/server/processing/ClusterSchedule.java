package org.allot.server.processing;

import java.time.Duration;
import org.allot.core.jobs.ScheduledSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic steps that run once per period across every server sharing the database. Each server's timer still ticks
 * every period, but a tick runs the step only if it claims the step's turn ({@link ScheduledSteps}): the first server to
 * ask once the last turn (on any server) is 90% of a period old. So with one server a step runs every period, as
 * before, and with several it runs at most once per 0.9 × period and at least once per period plus the gap between
 * the servers' ticks. A turn that fails is not retried before the next period; a server that dies in a turn leaves the
 * step to the next server's tick. A server configured as the only one ({@code allot.cluster.nodes=1}, the default)
 * claims nothing and runs every step at every tick, as a single server always did (every step is also safe to run
 * twice: it locks or marks what it changes).
 */
public final class ClusterSchedule {
    private static final Logger log = LoggerFactory.getLogger(ClusterSchedule.class);

    private final ScheduledSteps steps;
    private final String node;
    private final boolean shared;

    /**
     * @param shared whether other servers share the steps ({@code allot.cluster.nodes} above 1): if not, every tick
     *     runs its step
     */
    public ClusterSchedule(ScheduledSteps steps, String node, boolean shared) {
        this.steps = steps;
        this.node = node;
        this.shared = shared;
    }

    /** The step {@code name}, run every {@code period} by a timer, as a task that runs it only on its turn. */
    public Runnable once(String name, Duration period, Runnable step) {
        Duration due = Duration.ofMillis(period.toMillis() * 9 / 10);
        if (!shared) {
            return step;
        }
        return () -> {
            boolean mine;
            try {
                mine = steps.claim(name, due, node);
            } catch (RuntimeException e) {
                log.warn("Could not claim the turn of the scheduled step {}; trying at the next tick", name, e);
                return;
            }
            if (mine) {
                step.run();
            } else {
                log.debug("Scheduled step {}: another server had this turn", name);
            }
        };
    }

    /** This server's name in the record of who ran a step. */
    public String node() {
        return node;
    }
}
