package org.allot.core.report;

import java.math.BigDecimal;
import java.util.Objects;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.catalog.Product;

/**
 * Seats of one product charged to one department and one source in one currency, and what they cost per month.
 *
 * @param department the holders' department; null when they have none, and for seats nobody holds
 * @param source the source charged ({@link ChargedSeats#LONGEST_HELD}); null for seats bought that nobody holds
 * @param groupName the name of the source's group; null for a direct source or seats nobody holds
 * @param currency the ISO 4217 code of the price; null for seats without a price (a subscription bought without one,
 *     or seats held beyond every subscription's seats)
 * @param monthlyAmount what the seats cost per month in {@code currency}; null when there is no price
 */
public record CostLine(
        Product product,
        String department,
        AssignmentSource source,
        String groupName,
        String currency,
        int seats,
        BigDecimal monthlyAmount) {

    public CostLine {
        Objects.requireNonNull(product, "product");
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative");
        }
        if ((currency == null) != (monthlyAmount == null)) {
            throw new IllegalArgumentException("an amount needs a currency, and a currency an amount");
        }
    }

    /** Seats bought that nobody holds. */
    public boolean unassigned() {
        return source == null;
    }
}
