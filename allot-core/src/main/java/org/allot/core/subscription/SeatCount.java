package org.allot.core.subscription;

import java.util.Objects;

/**
 * The seat figures of one SKU in a tenant: what was bought, how many users hold a seat, and how many wait for one.
 *
 * <p>Only seats of enabled subscriptions take new assignments. Users waiting in the queue are owed the free seats
 * first, so a newcomer gets a seat only when more are free than users wait.
 */
public record SeatCount(LicenseUnits prepaid, int consumed, int waiting) {
    public static final SeatCount EMPTY = new SeatCount(LicenseUnits.NONE, 0, 0);

    public SeatCount {
        Objects.requireNonNull(prepaid, "prepaid");
        if (consumed < 0 || waiting < 0) {
            throw new IllegalArgumentException("negative seat figures: consumed " + consumed + ", waiting " + waiting);
        }
    }

    /** Seats of enabled subscriptions that nobody holds. */
    public int available() {
        return Math.max(0, prepaid.enabled() - consumed);
    }

    /** Free seats that no waiting user is owed. */
    public int freeForNewcomers() {
        return Math.max(0, available() - waiting);
    }

    /** Users holding a seat beyond what enabled and warning subscriptions cover. */
    public int overage() {
        return (int) Math.max(0, (long) consumed - prepaid.enabled() - prepaid.warning());
    }

    /**
     * Users holding a seat beyond every seat not deleted ({@code enabled + warning + suspended + lockedOut}): the
     * holders capacity can no longer carry, because a subscription was deleted or seats were lowered. They are the
     * ones whose seats are taken back ({@code assignment.SeatTakeBack}); holders of expired seats still in their
     * Warning or Suspended period are not among them.
     */
    public int beyondCapacity() {
        return Math.max(0, consumed - capacity());
    }

    /**
     * The seats holders may keep: every seat not deleted ({@code enabled + warning + suspended + lockedOut}); those
     * holding beyond it are {@link #beyondCapacity}. At most {@link Integer#MAX_VALUE}.
     */
    public int capacity() {
        long all = (long) prepaid.enabled() + prepaid.warning() + prepaid.suspended() + prepaid.lockedOut();
        return (int) Math.min(Integer.MAX_VALUE, all);
    }

    public SeatCount withPrepaid(LicenseUnits units) {
        return new SeatCount(units, consumed, waiting);
    }

    public SeatCount withConsumed(int value) {
        return new SeatCount(prepaid, value, waiting);
    }

    public SeatCount withWaiting(int value) {
        return new SeatCount(prepaid, consumed, value);
    }
}
