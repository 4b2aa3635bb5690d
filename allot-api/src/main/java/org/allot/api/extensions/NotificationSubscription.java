package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * A change-notification subscription as administrators see it ({@code GET /allot/v1/changeNotifications/subscriptions}):
 * Graph's subscription with its delivery {@code state} ({@code active}, {@code failing}, {@code expired},
 * {@code removed}), since when its notification URL has failed, when it was asked to reauthorize (null once it
 * was reauthorized or renewed), and whether its change notifications wait for that reauthorization now
 * ({@code deliveryPaused}: asked, and neither expired nor removed).
 */
public record NotificationSubscription(
        String id,
        String resource,
        String changeType,
        String notificationUrl,
        String lifecycleNotificationUrl,
        OffsetDateTime expirationDateTime,
        OffsetDateTime createdDateTime,
        String applicationId,
        String state,
        OffsetDateTime failingSince,
        OffsetDateTime reauthorizationRequestedDateTime,
        boolean deliveryPaused) {}
