package org.allot.core.subscription;

import java.util.Collection;

/**
 * Seats bought for a SKU, by the status of the subscriptions that hold them (Graph's prepaidUnits, 32-bit counts).
 * {@link SubscriptionBook} keeps a SKU's seats within {@link SubscriptionBook#MAX_SEATS_PER_PRODUCT}; totals stored
 * before that limit existed are shown as the largest count rather than overflowing.
 */
public record LicenseUnits(int enabled, int warning, int suspended, int lockedOut) {
    public static final LicenseUnits NONE = new LicenseUnits(0, 0, 0, 0);

    public static LicenseUnits of(Collection<Subscription> subscriptions) {
        long enabled = 0;
        long warning = 0;
        long suspended = 0;
        long lockedOut = 0;
        for (Subscription s : subscriptions) {
            switch (s.status()) {
                case Enabled -> enabled += s.totalLicenses();
                case Warning -> warning += s.totalLicenses();
                case Suspended -> suspended += s.totalLicenses();
                case LockedOut -> lockedOut += s.totalLicenses();
                case Deleted -> {}
            }
        }
        return new LicenseUnits(count(enabled), count(warning), count(suspended), count(lockedOut));
    }

    /** The seats of the subscriptions, whatever their status, without overflow. */
    public static long total(Collection<Subscription> subscriptions) {
        long total = 0;
        for (Subscription s : subscriptions) {
            total += s.totalLicenses();
        }
        return total;
    }

    private static int count(long seats) {
        return (int) Math.min(seats, Integer.MAX_VALUE);
    }

    /**
     * Whether the product's services work for those who hold it: off only when it has {@code Suspended} or {@code
     * LockedOut} seats and none {@code Enabled} or in their {@code Warning} grace; then assignments are kept and
     * counted but shown as {@code Disabled}. Seats lowered to none on an enabled subscription are an overage, not
     * services off.
     */
    public boolean servicesOn() {
        return enabled > 0 || warning > 0 || (suspended == 0 && lockedOut == 0);
    }

    /** Graph's capabilityStatus of a subscribedSku: the best status any of its seats has. */
    public SubscriptionStatus capabilityStatus() {
        if (enabled > 0) {
            return SubscriptionStatus.Enabled;
        }
        if (warning > 0) {
            return SubscriptionStatus.Warning;
        }
        if (suspended > 0) {
            return SubscriptionStatus.Suspended;
        }
        if (lockedOut > 0) {
            return SubscriptionStatus.LockedOut;
        }
        return SubscriptionStatus.Deleted;
    }
}
