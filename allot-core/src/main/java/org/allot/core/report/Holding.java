package org.allot.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.catalog.SkuId;

/**
 * One source of one license for one user, as reports show it: who, which product, directly or through which group,
 * in which state, since when, and from which allotment.
 *
 * @param department the user's department, null when none is set
 * @param groupName the display name of the group of an inherited source; null for a direct one
 * @param state null only for an assignment not yet evaluated
 * @param since the assignment's {@code requestedDateTime}: when it was asked for (or when it joined the waiting list)
 * @param allotment the allotment (pool) the seat is drawn from, or waited for; null for the unallotted remainder, a
 *     product without pools, or an assignment that holds and waits for no seat
 * @param allotmentName the allotment's display name; null when {@code allotment} is
 */
public record Holding(
        UUID userId,
        String userPrincipalName,
        String department,
        SkuId sku,
        AssignmentSource source,
        String groupName,
        AssignmentState state,
        AssignmentError error,
        Instant since,
        AllotmentId allotment,
        String allotmentName) {

    public Holding {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(since, "since");
    }

    /** A holding drawn from no allotment. */
    public Holding(
            UUID userId,
            String userPrincipalName,
            String department,
            SkuId sku,
            AssignmentSource source,
            String groupName,
            AssignmentState state,
            AssignmentError error,
            Instant since) {
        this(userId, userPrincipalName, department, sku, source, groupName, state, error, since, null, null);
    }

    public Key key() {
        return new Key(sku, userId, source.key());
    }

    public boolean holdsSeat() {
        return state != null && state.holdsSeat();
    }

    /**
     * Where a page of holdings ends: the next page starts after it. Pages run by product, then user, then source (in
     * storage's order of their ids), so that a product's holdings, and a user's sources of one product, come together.
     */
    public record Key(SkuId sku, UUID user, UUID source) {
        public Key {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(source, "source");
        }
    }
}
