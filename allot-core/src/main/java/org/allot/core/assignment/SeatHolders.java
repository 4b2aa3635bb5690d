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
     * The order seats are taken back in, first taken first, as issue 18 decides: users holding only through groups
     * before any holding directly; among them the lowest rank first (a user's rank is the highest priority among
     * their groups), then the most recently granted, then the higher user id (so the order never changes by
     * itself). The storage adapters order the same way.
     */
    Comparator<Holder> TAKE_BACK_ORDER = Comparator.comparing(Holder::direct)
            .thenComparingInt(Holder::rank)
            .thenComparing(Holder::grantedAt, Comparator.reverseOrder())
            .thenComparing(Holder::user, Comparator.reverseOrder());

    /**
     * The existing (not deleted) users holding a seat of the SKU in {@link #TAKE_BACK_ORDER}, at most {@code limit};
     * with {@code groupsOnly}, users holding it through a direct assignment are left out. Read without locking.
     */
    List<Holder> inTakeBackOrder(TenantId tenant, SkuId sku, boolean groupsOnly, int limit);
}
