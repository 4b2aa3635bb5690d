package org.allot.api.extensions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Changes a subscription's seats, its status, its terms, or several at once; what is left out stays. A new
 * {@code endDateTime} or {@code autoRenew} renews it: its status becomes the calendar's again (docs/license-lifecycle.md).
 * {@code unitPrice} and {@code currency} are given together.
 */
public record SubscriptionUpdate(
        Integer seats,
        String status,
        OffsetDateTime endDateTime,
        Boolean autoRenew,
        BigDecimal unitPrice,
        String currency) {

    /** Seats, status or both. */
    public SubscriptionUpdate(Integer seats, String status) {
        this(seats, status, null, null, null, null);
    }
}
