package org.allot.core.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/** Port: the users holding a seat of a SKU, in the order their seats are taken back when capacity falls below use. */
public interface SeatHolders {
    /**
     * A user holding a seat of a SKU.
     *
     * @param direct whether one of the user's sources of the SKU is a direct assignment (never taken back when the
     *     overage grace ends)
     * @param rank the highest priority among the groups the user holds the SKU through (0 for a direct one)
     * @param grantedAt the latest {@code requestedDateTime} among the user's sources of the SKU: when the seat was
     *     last asked for
     */
    record Holder(
            UserId user, String userPrincipalName, String displayName, boolean direct, int rank, Instant grantedAt) {
        public Holder {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(grantedAt, "grantedAt");
        }
    }

    /**
     * What the take-back order compares, and in which direction: the one definition of the order, which
     * {@link #TAKE_BACK_ORDER} and the queries of the server's storage are both built from ({@link #TAKE_BACK_KEYS}).
     */
    enum Key {
        /** Whether the user holds the SKU directly: users holding only through groups first. */
        DIRECT(false),
        /** The highest priority among the user's groups: the lowest first. */
        RANK(false),
        /** When the seat was last asked for: the most recent first. */
        GRANTED_AT(true),
        /** The user id (as PostgreSQL orders uuid values): the higher first, so the order never changes by itself. */
        USER(true);

        private final boolean descending;

        Key(boolean descending) {
            this.descending = descending;
        }

        public boolean descending() {
            return descending;
        }

        private Comparator<Holder> comparator() {
            Comparator<Holder> ascending =
                    switch (this) {
                        case DIRECT -> Comparator.comparing(Holder::direct);
                        case RANK -> Comparator.comparingInt(Holder::rank);
                        case GRANTED_AT -> Comparator.comparing(Holder::grantedAt);
                        case USER -> Comparator.comparing(Holder::user);
                    };
            return descending ? ascending.reversed() : ascending;
        }
    }

    /** The keys of the take-back order, the one that decides first first. */
    List<Key> TAKE_BACK_KEYS = List.of(Key.DIRECT, Key.RANK, Key.GRANTED_AT, Key.USER);

    /**
     * The order seats are taken back in, first taken first, as issue 18 decides: users holding only through groups
     * before any holding directly; among them the lowest rank first (a user's rank is the highest priority among
     * their groups), then the most recently granted, then the higher user id (so the order never changes by
     * itself). Built from {@link #TAKE_BACK_KEYS}, as the storage adapters' queries are.
     */
    Comparator<Holder> TAKE_BACK_ORDER = TAKE_BACK_KEYS.stream()
            .map(Key::comparator)
            .reduce(Comparator::thenComparing)
            .orElseThrow();

    /**
     * The existing (not deleted) users holding a seat of the SKU in {@link #TAKE_BACK_ORDER}, at most {@code limit};
     * with {@code groupsOnly}, users holding it through a direct assignment are left out. Read without locking.
     */
    List<Holder> inTakeBackOrder(TenantId tenant, SkuId sku, boolean groupsOnly, int limit);
}
