package org.allot.core.reclaim;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;

/**
 * What one seat of a product costs per month, as reclaim counts its saving: the price of the product's most recently
 * added subscription that has a price and is not {@code Deleted}, in its currency. That is the seat bought last, the
 * one an administrator stops buying first; prices in other currencies are never converted or compared.
 */
public record MonthlyPrice(BigDecimal amount, String currency) {
    public MonthlyPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Optional<MonthlyPrice> of(List<Subscription> subscriptionsOfTheProduct) {
        return subscriptionsOfTheProduct.stream()
                .filter(s -> s.status() != SubscriptionStatus.Deleted)
                .filter(s -> s.terms().unitPrice() != null && s.terms().currency() != null)
                .max(Comparator.comparing(Subscription::createdDateTime).thenComparing(s -> s.id().value()))
                .map(s -> new MonthlyPrice(s.terms().unitPrice(), s.terms().currency()));
    }
}
