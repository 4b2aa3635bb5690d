package org.allot.core.subscription;

import java.time.Duration;
import java.util.Optional;
import org.allot.core.Rejection;

/**
 * A tenant's lifecycle periods, in days: how long an expired subscription stays in {@code Warning} and then in
 * {@code Suspended} before it is deleted, and how long seats lowered below use on an active subscription are left
 * as an overage before group-derived seats are taken back.
 */
public record LifecyclePeriods(int warningDays, int suspendedDays, int overageGraceDays) {
    /** Microsoft 365's usual periods: 30 days Warning, 90 days Suspended; and 30 days of overage grace. */
    public static final LifecyclePeriods DEFAULTS = new LifecyclePeriods(30, 90, 30);

    /** The longest period accepted, in days (ten years). */
    public static final int MAX_DAYS = 3650;

    public Duration warning() {
        return Duration.ofDays(warningDays);
    }

    public Duration suspended() {
        return Duration.ofDays(suspendedDays);
    }

    public Duration overageGrace() {
        return Duration.ofDays(overageGraceDays);
    }

    /** Why these periods cannot be a tenant's, if they cannot: each is 0 to {@link #MAX_DAYS} days. */
    public Optional<Rejection> check() {
        if (outside(warningDays) || outside(suspendedDays) || outside(overageGraceDays)) {
            return Optional.of(Rejection.invalid(
                    "Lifecycle periods are 0 to %d days, not warning %d, suspended %d, overage grace %d.",
                    MAX_DAYS, warningDays, suspendedDays, overageGraceDays));
        }
        return Optional.empty();
    }

    private static boolean outside(int days) {
        return days < 0 || days > MAX_DAYS;
    }
}
