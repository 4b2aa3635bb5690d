package org.allot.core.subscription;

import java.util.List;
import java.util.Objects;
import org.allot.core.catalog.Product;

/** A product the tenant subscribes to, with its seat figures over all its subscriptions (Graph's subscribedSku). */
public record SubscribedSku(Product product, SeatCount seats, List<SubscriptionId> subscriptionIds) {
    public SubscribedSku {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(seats, "seats");
        subscriptionIds = List.copyOf(subscriptionIds);
    }

    public SubscriptionStatus capabilityStatus() {
        return seats.prepaid().capabilityStatus();
    }
}
