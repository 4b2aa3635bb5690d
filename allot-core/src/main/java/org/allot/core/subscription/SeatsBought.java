package org.allot.core.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which subscriptions of a product price its seats, and in what order their seats were bought: the one rule the
 * charging of seats (org.allot.core.report) and the saving of reclaim (org.allot.core.reclaim) both read.
 *
 * <p>A subscription counts at a moment when it is not {@code Deleted} and has started (an expired one, Warning or
 * Suspended, still counts: its holders keep their seats). Seats were bought in the order of the subscriptions' start
 * (their creation when they have none), then creation, then id.
 */
public final class SeatsBought {
    /** The order seats were bought in: start (creation when none), then creation, then id. */
    public static final Comparator<Subscription> ORDER = Comparator.comparing(SeatsBought::bought)
            .thenComparing(Subscription::createdDateTime)
            .thenComparing(s -> s.id().value());

    private SeatsBought() {}

    /** Whether a subscription's seats are charged at {@code now}: it is not {@code Deleted} and has started. */
    public static boolean counts(Subscription s, Instant now) {
        Instant start = s.terms().startDateTime();
        return s.status() != SubscriptionStatus.Deleted && (start == null || !start.isAfter(now));
    }

    /** The subscriptions that count at {@code now}, in the order their seats were bought. */
    public static List<Subscription> inOrder(Collection<Subscription> subscriptions, Instant now) {
        return subscriptions.stream().filter(s -> counts(s, now)).sorted(ORDER).toList();
    }

    /**
     * The subscription that counts at {@code now} bought last among those with a price: the seat an administrator
     * stops buying first.
     */
    public static Optional<Subscription> lastPriced(Collection<Subscription> subscriptions, Instant now) {
        return subscriptions.stream()
                .filter(s -> counts(s, now))
                .filter(s -> s.terms().unitPrice() != null && s.terms().currency() != null)
                .max(ORDER);
    }

    private static Instant bought(Subscription s) {
        Instant start = s.terms().startDateTime();
        return start == null ? s.createdDateTime() : start;
    }
}
