package org.allot.core.subscription;

import java.util.List;
import java.util.Optional;
import org.allot.core.Rejection;
import org.allot.core.catalog.Product;

/** The most seats a product can have over all its subscriptions. */
final class SeatLimit {
    private SeatLimit() {}

    /**
     * Refuses {@code seatCount} seats (for a new subscription, or instead of those of {@code replaced}) when they would
     * take the product's total beyond {@link SubscriptionBook#MAX_SEATS_PER_PRODUCT}. {@code ofSku} is read under the SKU's seat lock,
     * so concurrent requests cannot together exceed it.
     */
    static Optional<Rejection> beyond(Product product, List<Subscription> ofSku, Subscription replaced, int seatCount) {
        long now = LicenseUnits.total(ofSku);
        long after = now - (replaced == null ? 0 : replaced.totalLicenses()) + seatCount;
        if (after <= SubscriptionBook.MAX_SEATS_PER_PRODUCT || after <= now) {
            return Optional.empty();
        }
        return Optional.of(Rejection.invalid(
                "A product can have at most %d seats over all its subscriptions (Microsoft Graph counts seats in 32"
                        + " bits): %s has %d and would have %d.",
                SubscriptionBook.MAX_SEATS_PER_PRODUCT, product.skuPartNumber(), now, after));
    }
}
