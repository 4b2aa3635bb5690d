package org.allot.core.notification;

import java.time.Duration;

/**
 * How notifications are delivered.
 *
 * @param firstRetry the pause after a first failed attempt; it doubles with each further one
 * @param maxBackoff the longest pause between attempts
 * @param retryFor how long a notification is retried before it is given up ({@code FAILED}); Graph: 4 hours
 * @param removeAfter how long a notification URL may fail without a success before its subscription is removed
 *     (a {@code subscriptionRemoved} lifecycle notification tells the lifecycle URL)
 * @param lease how long a claimed notification stays with its deliverer before another may try it
 * @param batch notifications claimed at once (those of one subscription go in one request)
 * @param maxSubscriptions unexpired subscriptions a tenant may hold
 * @param reauthorizeBefore how long before a subscription expires its lifecycle URL is sent {@code
 *     reauthorizationRequired} (once per expiration)
 */
public record NotificationSettings(
        Duration firstRetry,
        Duration maxBackoff,
        Duration retryFor,
        Duration removeAfter,
        Duration lease,
        int batch,
        int maxSubscriptions,
        Duration reauthorizeBefore) {

    public static final NotificationSettings DEFAULT = new NotificationSettings(
            Duration.ofSeconds(5),
            Duration.ofMinutes(15),
            Duration.ofHours(4),
            Duration.ofHours(24),
            Duration.ofMinutes(1),
            100,
            1000,
            Duration.ofHours(1));

    /** The pause after the {@code attempts}-th failed attempt. */
    public Duration backoff(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
