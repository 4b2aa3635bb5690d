package org.allot.core.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.allot.core.directory.UserId;

/**
 * The order of a waiting list. Every group has priority 0 unless an administrator sets another, so by default the
 * list is first come, first served by the time each request joined it. Members waiting through a group with a
 * higher priority go ahead of those with a lower one. Ties fall to the user id, so the order never changes by
 * itself. A user waiting through several sources takes the best place any of them gives.
 *
 * <p>This is the one definition of the order: {@link #ORDER} is built from {@link #KEYS}, and so are the queries the
 * server's storage serves waiting lists with.
 *
 * @param priority the priority of the group the request comes from (0 for a direct request)
 */
public record WaitingOrder(UserId user, Instant requestedAt, int priority) {

    /** What the order compares, and in which direction. */
    public enum Key {
        /** The priority of the source: higher first. */
        PRIORITY(true),
        /** When the request joined the list: earlier first. */
        REQUESTED_AT(false),
        /** The user id (as PostgreSQL orders uuid values): lower first. */
        USER(false);

        private final boolean descending;

        Key(boolean descending) {
            this.descending = descending;
        }

        public boolean descending() {
            return descending;
        }

        private Comparator<WaitingOrder> comparator() {
            Comparator<WaitingOrder> ascending =
                    switch (this) {
                        case PRIORITY -> Comparator.comparingInt(WaitingOrder::priority);
                        case REQUESTED_AT -> Comparator.comparing(WaitingOrder::requestedAt);
                        case USER -> Comparator.comparing(WaitingOrder::user);
                    };
            return descending ? ascending.reversed() : ascending;
        }
    }

    /** The keys of the order, the one that decides first first. */
    public static final List<Key> KEYS = List.of(Key.PRIORITY, Key.REQUESTED_AT, Key.USER);

    public static final Comparator<WaitingOrder> ORDER =
            KEYS.stream().map(Key::comparator).reduce(Comparator::thenComparing).orElseThrow();
}
