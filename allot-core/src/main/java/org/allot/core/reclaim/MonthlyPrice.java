package org.allot.core.reclaim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.subscription.SeatsBought;
import org.allot.core.subscription.Subscription;

/**
 * What one seat of a product costs per month, as reclaim counts its saving: the price of the subscription bought last
 * among those that count now and have a price ({@link SeatsBought#lastPriced}, the rule the charging of seats reads
 * too), in its currency. That is the seat an administrator stops buying first; prices in other currencies are never
 * converted or compared.
 */
public record MonthlyPrice(BigDecimal amount, String currency) {
    public MonthlyPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Optional<MonthlyPrice> of(List<Subscription> subscriptionsOfTheProduct, Instant now) {
        return SeatsBought.lastPriced(subscriptionsOfTheProduct, now)
                .map(s -> new MonthlyPrice(s.terms().unitPrice(), s.terms().currency()));
    }
}
