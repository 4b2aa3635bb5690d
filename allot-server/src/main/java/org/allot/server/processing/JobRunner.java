package org.allot.server.processing;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.allot.core.jobs.BackgroundLicensing;
import org.allot.core.jobs.BackgroundLicensing.Turn;
import org.allot.core.jobs.LostLease;
import org.allot.server.worker.PollingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The worker loop of background licensing: threads that take turns at {@link BackgroundLicensing#runOne}, woken as
 * soon as a unit of work of this process queues a job (and looking every poll interval for jobs queued by other
 * processes or put back for later). What a turn does is core's.
 */
public final class JobRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final BackgroundLicensing background;
    private final LicenseCheckDryRun dryRuns;
    private final int workers;
    private final UUID worker = UUID.randomUUID();
    private final PollingWorkers polling;

    public JobRunner(BackgroundLicensing background, LicenseCheckDryRun dryRuns, int workers, Duration pollInterval) {
        this.background = background;
        this.dryRuns = dryRuns;
        this.workers = workers;
        this.polling = new PollingWorkers(
                log, "Background licensing worker", "allot-jobs", workers, pollInterval, () -> runOne() == Turn.RAN);
        background.whenQueued(polling::wake);
    }

    @Override
    public synchronized void start() {
        polling.start();
        log.info("Background licensing: {} worker(s) as {}", workers, worker);
    }

    @Override
    public synchronized void stop() {
        polling.stop();
        dryRuns.stop();
        try {
            background.release(worker);
        } catch (RuntimeException e) {
            log.debug("could not release job leases on shutdown", e);
        }
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

    /** Runs jobs until none is claimable; returns how many ran. For tests and tools that drive processing. */
    public int runPending() {
        int ran = 0;
        int postponed = 0;
        for (Turn turn = runOne(); turn != Turn.IDLE && postponed < 2; turn = runOne()) {
            if (turn == Turn.RAN) {
                ran++;
                postponed = 0;
            } else {
                postponed++;
            }
        }
        return ran;
    }

    private Turn runOne() {
        try {
            return background.runOne(worker);
        } catch (LostLease e) {
            log.info("{}; another worker carries on", e.getMessage());
        } catch (CancellationException e) {
            log.info("{}; a worker carries on", e.getMessage());
        } catch (BackgroundLicensing.JobFailed e) {
            log.warn("{}", e.getMessage(), e.getCause());
        }
        return Turn.RAN;
    }
}
