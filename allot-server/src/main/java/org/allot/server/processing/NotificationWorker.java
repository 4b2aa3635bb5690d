package org.allot.server.processing;

import java.time.Duration;
import org.allot.core.notification.NotificationDelivery;
import org.allot.core.notification.NotificationRelay;
import org.allot.server.worker.PollingWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Queues and delivers change notifications: {@code workers} threads per server, each taking turns at relaying the
 * directory's change log into the outbox ({@link NotificationRelay}) and delivering a batch from it ({@link
 * NotificationDelivery}); servers sharing the database share the work. With 0 workers this server does neither
 * (others may).
 */
public final class NotificationWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

    private final PollingWorkers polling;
    private final int workers;

    public NotificationWorker(
            NotificationRelay relay, NotificationDelivery delivery, int workers, Duration pollInterval) {
        this.workers = workers;
        this.polling = new PollingWorkers(
                log,
                "Change notification delivery",
                "allot-notifications",
                workers,
                pollInterval,
                () -> turn(relay, delivery));
    }

    /** Relays, then delivers (what was just relayed too); true when either may have more to do. */
    private static boolean turn(NotificationRelay relay, NotificationDelivery delivery) {
        boolean relayed = relay.relayDue();
        boolean delivered = delivery.deliverDue();
        return relayed || delivered;
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
