package org.allot.core.alert;

import java.util.Optional;
import org.allot.core.Rejection;

/**
 * A tenant's alert rules. Each threshold of 0 turns its alert off.
 *
 * @param expiringWithinDays alert when a subscription that does not renew by itself ends within this many days
 *     (default 30)
 * @param lapsed alert when a subscription expires ({@code Warning}) and when it is {@code Suspended} (default on)
 * @param freeSeatsBelow alert when a product's available seats are fewer than this (default 0: off)
 * @param waitingAtLeast alert when at least this many users wait for a product (default 0: off)
 */
public record AlertRules(int expiringWithinDays, boolean lapsed, int freeSeatsBelow, int waitingAtLeast) {
    public static final AlertRules DEFAULTS = new AlertRules(30, true, 0, 0);
    public static final int MAX_DAYS = 3_650;
    public static final int MAX_SEATS = 10_000_000;

    /** Why these rules cannot be kept, if they cannot. */
    public Optional<Rejection> check() {
        if (expiringWithinDays < 0 || expiringWithinDays > MAX_DAYS) {
            return Optional.of(Rejection.invalid(
                    "'expiringWithinDays' is 0 (off) to %d days, not %d.", MAX_DAYS, expiringWithinDays));
        }
        if (freeSeatsBelow < 0 || freeSeatsBelow > MAX_SEATS) {
            return Optional.of(
                    Rejection.invalid("'freeSeatsBelow' is 0 (off) to %d seats, not %d.", MAX_SEATS, freeSeatsBelow));
        }
        if (waitingAtLeast < 0 || waitingAtLeast > MAX_SEATS) {
            return Optional.of(
                    Rejection.invalid("'waitingAtLeast' is 0 (off) to %d users, not %d.", MAX_SEATS, waitingAtLeast));
        }
        return Optional.empty();
    }
}
