package org.allot.core.assignment;

import java.util.Objects;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * One way what is stored differs from what the rules say: an assignment of a user (the user, the SKU and the source
 * are set), or the seat figures of a SKU (user and source are null), or of one of its allotments (then
 * {@code allotment} names the pool as well). {@code expected} and {@code stored} are for people: a state such as
 * {@code Active} or {@code Error (CountViolation)}, {@code absent}, a list of plans switched off, or a number.
 *
 * @param repaired whether the run brought it in line (never in a dry run)
 * @param allotment the pool of an allotment's figures ({@code AllotmentConsumedUnits}, {@code AllotmentWaitingUnits}),
 *     or of users waiting for a pool that has a seat free ({@code WaitingWhileSeatsFree} of a SKU split into pools);
 *     null otherwise (and for the remainder)
 * @param allotmentName the pool's name when the check found it
 */
public record LicenseDifference(
        Kind kind,
        UserId user,
        String userPrincipalName,
        SkuId sku,
        AssignmentSource source,
        String expected,
        String stored,
        boolean repaired,
        AllotmentId allotment,
        String allotmentName) {

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
        /**
         * Users wait for the SKU while some of its seats are free (of a SKU split into pools: while their pool, or the
         * remainder, has a seat free and the SKU too).
         */
        WaitingWhileSeatsFree,
        /** An allotment's holders figure is not the number of users holding a seat drawn from it. */
        AllotmentConsumedUnits,
        /** An allotment's waiting figure is not the number of users waiting for one of its seats. */
        AllotmentWaitingUnits;

        public boolean ofSeats() {
            return this == ConsumedUnits || this == WaitingUnits || this == WaitingWhileSeatsFree || ofAllotment();
        }

        /** A difference in an allotment's figures (it names the pool). */
        public boolean ofAllotment() {
            return this == AllotmentConsumedUnits || this == AllotmentWaitingUnits;
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
        if (kind.ofAllotment() && allotment == null) {
            throw new IllegalArgumentException(kind + " differences name their allotment");
        }
    }

    /** A difference of a user's assignment, or of a SKU's figures: no allotment. */
    public LicenseDifference(
            Kind kind,
            UserId user,
            String userPrincipalName,
            SkuId sku,
            AssignmentSource source,
            String expected,
            String stored,
            boolean repaired) {
        this(kind, user, userPrincipalName, sku, source, expected, stored, repaired, null, null);
    }

    static LicenseDifference ofSeats(Kind kind, SkuId sku, Object expected, Object stored, boolean repaired) {
        return new LicenseDifference(kind, null, null, sku, null, expected.toString(), stored.toString(), repaired);
    }

    /** A difference of the figures of one of the SKU's pools ({@code pool} null: the remainder). */
    static LicenseDifference ofPool(
            Kind kind, SkuId sku, Allotment pool, Object expected, Object stored, boolean repaired) {
        return new LicenseDifference(
                kind,
                null,
                null,
                sku,
                null,
                expected.toString(),
                stored.toString(),
                repaired,
                pool == null ? null : pool.id(),
                pool == null ? null : pool.displayName());
    }

    LicenseDifference asRepaired() {
        return new LicenseDifference(
                kind, user, userPrincipalName, sku, source, expected, stored, true, allotment, allotmentName);
    }
}
