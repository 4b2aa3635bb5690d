package org.allot.core.subscription;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;

/**
 * Moves subscriptions along their calendar ({@link SubscriptionLifecycle}): each due one in its own unit of work,
 * under its product's seat lock, with one audit record per move. Idempotent and safe on every server at once: a
 * subscription already where the calendar says is left as it is, so a second run, or a second server, changes and
 * audits nothing more.
 */
public final class SubscriptionCalendar {
    /** Who the audit log says moved a subscription along its calendar. */
    public static final Actor CALENDAR = Actor.system("subscription lifecycle");

    static final int PAGE = 500;

    private final Transactions transactions;
    private final LifecycleDates dates;
    private final SubscriptionBook book;
    private final Clock clock;

    public SubscriptionCalendar(Transactions transactions, LifecycleDates dates, SubscriptionBook book, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.dates = Objects.requireNonNull(dates);
        this.book = Objects.requireNonNull(book);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Moves every subscription whose move is due; returns how many moved. */
    public int advance() {
        int moved = 0;
        Set<LifecycleDates.Due> seen = new HashSet<>();
        List<LifecycleDates.Due> due;
        do {
            due = transactions.read(() -> dates.dueBy(clock.instant(), PAGE));
            boolean progress = false;
            for (LifecycleDates.Due d : due) {
                if (!seen.add(d)) {
                    continue; // already moved in this run (another server may still hold it): next run
                }
                progress = true;
                var before = book.subscription(d.tenant(), d.id());
                var after = book.followCalendar(Caller.of(d.tenant(), CALENDAR), d.id());
                if (after.isDone() && before.isPresent() && !after.value().equals(before.get())) {
                    moved++;
                }
            }
            if (!progress) {
                break;
            }
        } while (due.size() == PAGE);
        return moved;
    }
}
