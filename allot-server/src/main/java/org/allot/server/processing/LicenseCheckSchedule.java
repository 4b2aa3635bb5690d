package org.allot.server.processing;

import java.time.Duration;
import org.allot.core.assignment.LicenseCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the license check of every tenant once per {@code interval} (a repair, or a dry run when repairs are off),
 * requested by "reconciliation" ({@link LicenseCheck#requestScheduledForAll}); background workers carry the runs out.
 * Safe to run on every server: starting a run takes the tenant's license check lock, so one run starts per tenant and
 * interval however many servers look.
 */
public final class LicenseCheckSchedule {
    private static final Logger log = LoggerFactory.getLogger(LicenseCheckSchedule.class);

    private final LicenseCheck check;
    private final Duration interval;
    private final boolean repair;

    public LicenseCheckSchedule(LicenseCheck check, Duration interval, boolean repair) {
        this.check = check;
        this.interval = interval;
        this.repair = repair;
    }

    /** Starts the runs that are due; returns how many it started. */
    public int startDue() {
        int started = check.requestScheduledForAll(
                repair, interval, (tenant, e) -> log.warn("Could not start the license check of tenant {}", tenant, e));
        if (started > 0) {
            log.info(
                    "Started the scheduled license check ({}) of {} tenant(s)", repair ? "repair" : "dry run", started);
        }
        return started;
    }
}
