package org.allot.core.timebound;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * A direct license ({@link Kind#LICENSE}: {@code target} is the SKU) or a group membership ({@link Kind#MEMBERSHIP}:
 * {@code target} is the group) of a user, from {@code start} until {@code end} (null: no end). Until it has
 * {@code started} nothing is assigned; once started, it is what ends the license or the membership at {@code end}.
 *
 * @param disabledPlans the plans switched off in the license (none for a membership)
 * @param setBy who set the grant, as the audit log names them
 * @param waits a license that, at its start, joins the product's waiting list when no seat is free (one given by an
 *     approved license request); other licenses that cannot be assigned at their start are dropped
 */
public record TimedGrant(
        Kind kind,
        UserId user,
        UUID target,
        Set<ServicePlanId> disabledPlans,
        Instant start,
        Instant end,
        boolean started,
        String setBy,
        Instant setAt,
        boolean waits) {

    /** What a grant gives. */
    public enum Kind {
        LICENSE,
        MEMBERSHIP
    }

    /** Which grant: a user has at most one of each kind per SKU or group. */
    public record Key(Kind kind, UserId user, UUID target) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(target, "target");
        }
    }

    public TimedGrant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(target, "target");
        disabledPlans = Set.copyOf(disabledPlans);
        Objects.requireNonNull(start, "start");
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("a grant ends after it starts");
        }
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }

    /** A grant that does not wait for a seat at its start. */
    public TimedGrant(
            Kind kind,
            UserId user,
            UUID target,
            Set<ServicePlanId> disabledPlans,
            Instant start,
            Instant end,
            boolean started,
            String setBy,
            Instant setAt) {
        this(kind, user, target, disabledPlans, start, end, started, setBy, setAt, false);
    }

    public Key key() {
        return new Key(kind, user, target);
    }

    /** The SKU of a license grant. */
    public SkuId sku() {
        return new SkuId(target);
    }

    /** The group of a membership grant. */
    public GroupId group() {
        return new GroupId(target);
    }

    /** When the scheduled step next has something to do: the start until then, afterwards the end (null: never). */
    public Instant dueAt() {
        return started ? end : start;
    }

    public boolean isDue(Instant now) {
        Instant at = dueAt();
        return at != null && !at.isAfter(now);
    }

    /** This grant, started (what it grants is assigned). */
    TimedGrant asStarted() {
        return new TimedGrant(kind, user, target, disabledPlans, start, end, true, setBy, setAt, waits);
    }

    /** This grant with other times, set by someone (perhaps) else. */
    TimedGrant rescheduled(Instant newStart, Instant newEnd, String by, Instant at) {
        return new TimedGrant(kind, user, target, disabledPlans, newStart, newEnd, started, by, at, waits);
    }
}
