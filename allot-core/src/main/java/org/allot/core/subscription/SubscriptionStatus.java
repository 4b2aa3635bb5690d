package org.allot.core.subscription;

/**
 * A subscription's lifecycle, in the order it moves through when not renewed. Seats of {@code Enabled}
 * subscriptions take new assignments; seats of {@code Warning} ones keep existing assignments only.
 */
public enum SubscriptionStatus {
    Enabled,
    Warning,
    Suspended,
    LockedOut,
    Deleted
}
