package org.allot.api.extensions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Adds a subscription: the product by {@code skuId} or {@code skuPartNumber}, its seats, and optionally its status
 * (default {@code Enabled}), whether it is a trial, when it moves to its next lifecycle status, and its terms: when it
 * starts and ends (one with an end date follows the calendar, docs/license-lifecycle.md, and its next lifecycle date is
 * the calendar's), whether it renews by itself, and the monthly price of a seat with its ISO 4217 currency.
 */
public record SubscriptionRequest(
        String skuId,
        String skuPartNumber,
        Integer seats,
        String status,
        Boolean isTrial,
        OffsetDateTime nextLifecycleDateTime,
        OffsetDateTime startDateTime,
        OffsetDateTime endDateTime,
        Boolean autoRenew,
        BigDecimal unitPrice,
        String currency) {

    /** A subscription without terms. */
    public SubscriptionRequest(
            String skuId,
            String skuPartNumber,
            Integer seats,
            String status,
            Boolean isTrial,
            OffsetDateTime nextLifecycleDateTime) {
        this(skuId, skuPartNumber, seats, status, isTrial, nextLifecycleDateTime, null, null, null, null, null);
    }
}
