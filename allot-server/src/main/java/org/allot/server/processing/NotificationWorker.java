package org.allot.server.processing;

import java.time.Duration;
import org.allot.core.notification.NotificationDelivery;
import org.allot.server.worker.PollingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers change notifications from the outbox: {@code workers} threads per server, each taking turns at a core
 * {@link NotificationDelivery} batch; servers sharing the database share the outbox. With 0 workers this server
 * delivers nothing (others may).
 */
public final class NotificationWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

    private final PollingWorkers polling;
    private final int workers;

    public NotificationWorker(NotificationDelivery delivery, int workers, Duration pollInterval) {
        this.workers = workers;
        this.polling = new PollingWorkers(
                log,
                "Change notification delivery",
                "allot-notifications",
                workers,
                pollInterval,
                delivery::deliverDue);
    }

    @Override
    public void start() {
        polling.start();
        log.info("Change notifications: {} delivery worker(s)", workers);
    }

    @Override
    public void stop() {
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
}
