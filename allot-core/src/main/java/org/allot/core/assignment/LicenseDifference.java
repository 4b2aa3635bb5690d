package org.allot.core.assignment;

import java.util.Objects;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * One way what is stored differs from what the rules say: an assignment of a user (the user, the SKU and the source
 * are set), or the seat figures of a SKU (user and source are null). {@code expected} and {@code stored} are for
 * people: a state such as {@code Active} or {@code Error (CountViolation)}, {@code absent}, a list of plans switched
 * off, or a number.
 *
 * @param repaired whether the run brought it in line (never in a dry run)
 */
public record LicenseDifference(
        Kind kind,
        UserId user,
        String userPrincipalName,
        SkuId sku,
        AssignmentSource source,
        String expected,
        String stored,
        boolean repaired) {

    /** What differs. */
    public enum Kind {
        /** The user should have an assignment from this source and has none. */
        MissingAssignment,
        /** The user has an assignment from this source and should not (a group they do not belong to). */
        UnexpectedAssignment,
        /** The assignment switches off other plans than its source says. */
        DisabledPlans,
        /** The assignment's state or error is not what the engine decides. */
        State,
        /** The SKU's consumed seats are not the number of users holding one. */
        ConsumedUnits,
        /** The SKU's waiting figure is not the number of users in its waiting list. */
        WaitingUnits,
        /** Users wait for the SKU while some of its seats are free. */
        WaitingWhileSeatsFree;

        public boolean ofSeats() {
            return this == ConsumedUnits || this == WaitingUnits || this == WaitingWhileSeatsFree;
        }
    }

    public LicenseDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(stored, "stored");
        if (kind.ofSeats() != (user == null)) {
            throw new IllegalArgumentException(
                    kind + " differences " + (kind.ofSeats() ? "have no" : "need a") + " user");
        }
    }

    static LicenseDifference ofSeats(Kind kind, SkuId sku, Object expected, Object stored, boolean repaired) {
        return new LicenseDifference(kind, null, null, sku, null, expected.toString(), stored.toString(), repaired);
    }

    LicenseDifference asRepaired() {
        return new LicenseDifference(kind, user, userPrincipalName, sku, source, expected, stored, true);
    }
}
