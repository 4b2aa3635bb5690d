package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * One notification of a subscription and how its delivery goes ({@code GET /allot/v1/changeNotifications/deliveries}):
 * {@code state} {@code pending} (with the next attempt), {@code delivered}, {@code failed} (given up) or
 * {@code dropped} (its subscription ended first), with the attempts made and the last error.
 */
public record NotificationDelivery(
        long id,
        String subscriptionId,
        String changeType,
        String resource,
        String lifecycleEvent,
        OffsetDateTime createdDateTime,
        String state,
        int attempts,
        OffsetDateTime nextAttemptDateTime,
        OffsetDateTime deliveredDateTime,
        String lastError) {}
