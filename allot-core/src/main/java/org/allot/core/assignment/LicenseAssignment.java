package org.allot.core.assignment;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

/**
 * One source of one license for one user. A user holds one seat of a SKU however many sources give it.
 *
 * @param state null only for an assignment that was just requested and not yet evaluated
 * @param requestedAt when it was requested, or when it joined the waiting list: its place in the queue
 * @param pendingRemovalAt null, or when a removed license that is still held ({@code PendingRemoval}, see {@link
 *     RemovalGrace}) is freed
 * @param pool null, or the allotment (pool) the seat held or waited for is drawn from ({@link PoolBook#choose}); null
 *     for the remainder, a SKU without pools, and an assignment that neither holds nor waits
 */
public record LicenseAssignment(
        UserId user,
        SkuId sku,
        AssignmentSource source,
        Set<ServicePlanId> disabledPlans,
        AssignmentState state,
        AssignmentError error,
        String reason,
        Instant requestedAt,
        Instant updatedAt,
        Instant pendingRemovalAt,
        AllotmentId pool) {

    public LicenseAssignment {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(source, "source");
        disabledPlans = Set.copyOf(disabledPlans);
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An assignment of no pool. */
    public LicenseAssignment(
            UserId user,
            SkuId sku,
            AssignmentSource source,
            Set<ServicePlanId> disabledPlans,
            AssignmentState state,
            AssignmentError error,
            String reason,
            Instant requestedAt,
            Instant updatedAt,
            Instant pendingRemovalAt) {
        this(user, sku, source, disabledPlans, state, error, reason, requestedAt, updatedAt, pendingRemovalAt, null);
    }

    /** This assignment drawing from {@code value} (null: no pool). */
    public LicenseAssignment withPool(AllotmentId value) {
        return new LicenseAssignment(
                user,
                sku,
                source,
                disabledPlans,
                state,
                error,
                reason,
                requestedAt,
                updatedAt,
                pendingRemovalAt,
                value);
    }

    /** A new, not yet evaluated assignment. */
    public static LicenseAssignment requested(
            UserId user, SkuId sku, AssignmentSource source, Set<ServicePlanId> disabledPlans, Instant at) {
        return new LicenseAssignment(user, sku, source, disabledPlans, null, null, null, at, at, null, null);
    }

    /** Held after its removal until {@link #pendingRemovalAt()}: still counted, and cancelled by a source of its SKU. */
    public boolean isPendingRemoval() {
        return pendingRemovalAt != null;
    }

    /** This assignment held until {@code at} (null: no longer pending removal). */
    public LicenseAssignment withPendingRemoval(Instant at) {
        return new LicenseAssignment(
                user, sku, source, disabledPlans, state, error, reason, requestedAt, updatedAt, at, pool);
    }

    public Key key() {
        return new Key(user, sku, source);
    }

    public boolean holdsSeat() {
        return state != null && state.holdsSeat();
    }

    public boolean isWaiting() {
        return error == AssignmentError.CountViolation;
    }

    public LicenseAssignment withDisabledPlans(Set<ServicePlanId> plans) {
        return new LicenseAssignment(
                user, sku, source, plans, state, error, reason, requestedAt, updatedAt, pendingRemovalAt, pool);
    }

    public LicenseAssignment withOutcome(
            AssignmentState newState, AssignmentError newError, String newReason, Instant requested, Instant at) {
        return new LicenseAssignment(
                user, sku, source, disabledPlans, newState, newError, newReason, requested, at, pendingRemovalAt, pool);
    }

    /** Same state, error and reason: nothing a user would see has changed. */
    public boolean sameOutcome(LicenseAssignment other) {
        return state == other.state
                && error == other.error
                && Objects.equals(reason, other.reason)
                && disabledPlans.equals(other.disabledPlans)
                && Objects.equals(pendingRemovalAt, other.pendingRemovalAt)
                && Objects.equals(pool, other.pool);
    }

    /** Identifies an assignment: a user, a SKU and a source. */
    public record Key(UserId user, SkuId sku, AssignmentSource source) {}
}
