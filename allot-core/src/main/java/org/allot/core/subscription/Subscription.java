package org.allot.core.subscription;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.catalog.SkuId;

/** A purchase of a number of seats of one product. */
public record Subscription(
        SubscriptionId id,
        SkuId skuId,
        int totalLicenses,
        SubscriptionStatus status,
        boolean isTrial,
        Instant createdDateTime,
        Instant nextLifecycleDateTime,
        SubscriptionTerms terms) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(terms, "terms");
        if (totalLicenses < 0) {
            throw new IllegalArgumentException("totalLicenses must not be negative");
        }
    }

    /** A subscription without terms ({@link SubscriptionTerms#OPEN}). */
    public Subscription(
            SubscriptionId id,
            SkuId skuId,
            int totalLicenses,
            SubscriptionStatus status,
            boolean isTrial,
            Instant createdDateTime,
            Instant nextLifecycleDateTime) {
        this(id, skuId, totalLicenses, status, isTrial, createdDateTime, nextLifecycleDateTime, SubscriptionTerms.OPEN);
    }

    public Subscription withTotalLicenses(int value) {
        return new Subscription(id, skuId, value, status, isTrial, createdDateTime, nextLifecycleDateTime, terms);
    }

    public Subscription withStatus(SubscriptionStatus value) {
        return new Subscription(
                id, skuId, totalLicenses, value, isTrial, createdDateTime, nextLifecycleDateTime, terms);
    }

    public Subscription withNextLifecycle(Instant value) {
        return new Subscription(id, skuId, totalLicenses, status, isTrial, createdDateTime, value, terms);
    }

    public Subscription withTerms(SubscriptionTerms value) {
        return new Subscription(
                id, skuId, totalLicenses, status, isTrial, createdDateTime, nextLifecycleDateTime, value);
    }
}
