package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * Adds a subscription: the product by {@code skuId} or {@code skuPartNumber}, its seats, and optionally its status
 * (default {@code Enabled}), whether it is a trial, and when it moves to its next lifecycle status.
 */
public record SubscriptionRequest(
        String skuId,
        String skuPartNumber,
        Integer seats,
        String status,
        Boolean isTrial,
        OffsetDateTime nextLifecycleDateTime) {}
