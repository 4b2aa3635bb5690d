package org.allot.core.subscription;

import java.util.Collection;

/** Seats bought for a SKU, by the status of the subscriptions that hold them (Graph's prepaidUnits). */
public record LicenseUnits(int enabled, int warning, int suspended, int lockedOut) {
    public static final LicenseUnits NONE = new LicenseUnits(0, 0, 0, 0);

    public static LicenseUnits of(Collection<Subscription> subscriptions) {
        int enabled = 0;
        int warning = 0;
        int suspended = 0;
        int lockedOut = 0;
        for (Subscription s : subscriptions) {
            switch (s.status()) {
                case Enabled -> enabled += s.totalLicenses();
                case Warning -> warning += s.totalLicenses();
                case Suspended -> suspended += s.totalLicenses();
                case LockedOut -> lockedOut += s.totalLicenses();
                case Deleted -> {}
            }
        }
        return new LicenseUnits(enabled, warning, suspended, lockedOut);
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
