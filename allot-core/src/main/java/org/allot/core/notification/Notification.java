package org.allot.core.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a notification's {@code value} array, as Graph sends it: a change ({@code event} set) or a lifecycle
 * event ({@code lifecycleEvent} set).
 */
public record Notification(
        UUID subscriptionId,
        String clientState,
        Instant subscriptionExpiration,
        UUID tenantId,
        ChangeEvent event,
        String lifecycleEvent) {}
