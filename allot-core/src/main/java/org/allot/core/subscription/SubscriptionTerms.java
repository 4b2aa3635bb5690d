package org.allot.core.subscription;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a subscription was bought on: when it starts and ends, whether it renews by itself, and what one seat costs
 * per month in which currency. A subscription without an end date never moves along the calendar (its status changes
 * only when an administrator changes it). {@link SubscriptionLifecycle#check} says which terms are valid.
 *
 * @param startDateTime when the subscription starts; null: when it was added
 * @param endDateTime when the term ends; null: no end
 * @param autoRenew whether the term renews by itself at its end, so that it never expires
 * @param unitPrice the price of one seat per month, null when not known
 * @param currency the ISO 4217 code of {@code unitPrice}'s currency, null when no price is known
 */
public record SubscriptionTerms(
        Instant startDateTime, Instant endDateTime, boolean autoRenew, BigDecimal unitPrice, String currency) {
    /** No end, no price: the terms of a subscription added without any. */
    public static final SubscriptionTerms OPEN = new SubscriptionTerms(null, null, false, null, null);

    public SubscriptionTerms withStart(Instant value) {
        return new SubscriptionTerms(value, endDateTime, autoRenew, unitPrice, currency);
    }

    public SubscriptionTerms withEnd(Instant value) {
        return new SubscriptionTerms(startDateTime, value, autoRenew, unitPrice, currency);
    }

    public SubscriptionTerms withAutoRenew(boolean value) {
        return new SubscriptionTerms(startDateTime, endDateTime, value, unitPrice, currency);
    }

    public SubscriptionTerms withPrice(BigDecimal price, String code) {
        return new SubscriptionTerms(startDateTime, endDateTime, autoRenew, price, code);
    }
}
