package org.allot.server.ldap;

import java.time.Duration;
import org.allot.core.Outcome;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.DueSync;
import org.allot.core.sync.SyncRun;
import org.allot.server.worker.PollingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts directory sync runs: every tenant whose enabled connector has not run for {@code interval}, and every run
 * someone asked for. Every server may run it: the tenant's sync lock lets one server at a time run a tenant, and
 * the others skip it.
 */
public final class SyncScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final DirectorySync sync;
    private final Duration interval;
    private final Duration pollInterval;
    private final boolean enabled;
    private final PollingWorkers polling;

    public SyncScheduler(DirectorySync sync, Duration interval, Duration pollInterval, boolean enabled) {
        this.sync = sync;
        this.interval = interval;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.polling = new PollingWorkers(
                log, "Directory sync scheduler", "allot-directory-sync", enabled ? 1 : 0, pollInterval, () -> {
                    runDue();
                    return false;
                });
    }

    @Override
    public synchronized void start() {
        polling.start();
        if (!enabled) {
            return;
        }
        log.info("Directory sync: every {} (looking every {})", interval, pollInterval);
    }

    @Override
    public synchronized void stop() {
        polling.stop();
    }

    @Override
    public boolean isRunning() {
        return polling.isRunning();
    }

    /** Stops before the database does. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Runs every due sync, one after the other; returns how many ran. For tests and tools that drive the schedule. */
    public int runDue() {
        int ran = 0;
        for (DueSync tenant : sync.due(interval)) {
            if (!polling.isRunning() && enabled) {
                break;
            }
            try {
                Outcome<SyncRun> run = sync.runScheduled(tenant.tenant(), tenant.request());
                if (run.isDone()) {
                    ran++;
                    log.info(
                            "Directory sync of tenant {}: {} ({})",
                            tenant.tenant(),
                            run.value().state(),
                            run.value().counts());
                }
            } catch (RuntimeException e) {
                log.warn("Directory sync of tenant {} failed", tenant.tenant(), e);
            }
        }
        return ran;
    }
}
