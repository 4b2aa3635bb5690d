package org.allot.core.notification;

/**
 * The body of {@code POST /subscriptions}, as given (validated by {@link ChangeNotifications}).
 *
 * @param expirationDateTime ISO-8601 text
 */
public record SubscriptionRequest(
        String changeType,
        String notificationUrl,
        String lifecycleNotificationUrl,
        String resource,
        String expirationDateTime,
        String clientState) {}
