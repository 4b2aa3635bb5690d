package org.allot.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an amount of money is written wherever it is shown (API, CSV, admin center, CLI): with at least two decimals and
 * no trailing zeros beyond them, as it was priced: 20.00, 20.50, 0.1234.
 */
public final class Amounts {
    private Amounts() {}

    /** The amount with its scale set as it is written; null stays null. */
    public static BigDecimal of(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    /** The amount as text ({@code 20.00}); null stays null. */
    public static String text(BigDecimal value) {
        return value == null ? null : of(value).toPlainString();
    }
}
