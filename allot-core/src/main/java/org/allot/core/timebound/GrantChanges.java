package org.allot.core.timebound;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserRef;

/**
 * {@link TimeBoundGrants}' changes and cancellations of grants already set: each grant found under the tenant's
 * licensing lock and the user's, in a unit of work of its own, then given new times, forgotten or ended.
 */
final class GrantChanges {
    private final TimeBoundGrants.Ports ports;
    private final Clock clock;
    private final GrantSteps steps;

    GrantChanges(TimeBoundGrants.Ports ports, Clock clock, GrantSteps steps) {
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
        this.steps = Objects.requireNonNull(steps);
    }

    /**
     * Changes the start (of a grant that has not started) or the end of a user's grant of {@code target} (a SKU or a
     * group); an end set on a license the user holds directly, or a membership, with no grant gives it one.
     */
    Outcome<TimedGrant> change(
            Caller caller, TimedGrant.Kind kind, UserRef named, String target, TimeBoundGrants.Reschedule times) {
        return located(caller, kind, named, target, givesAnEnd(times), locked -> change(caller, locked, times));
    }

    /** Cancels a user's grant: one that has not started is forgotten; one that has started ends now. */
    Outcome<TimedGrant> cancel(Caller caller, TimedGrant.Kind kind, UserRef named, String target) {
        return located(caller, kind, named, target, false, locked -> cancel(caller, locked));
    }

    private Outcome<TimedGrant> change(Caller caller, GrantSteps.Locked locked, TimeBoundGrants.Reschedule times) {
        TimedGrant grant = locked.grant();
        Instant now = clock.instant();
        Instant start = times.setsStart() ? times.start() : grant.start();
        Instant end = times.setsEnd() ? times.end() : grant.end();
        Optional<Rejection> refused = GrantTimes.checkChange(grant, times.setsStart(), start, end, now);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        TimedGrant changed = grant.rescheduled(start, end, caller.actor().displayName(), now);
        if (grant.started() && end == null) {
            // no end left: what it granted stays, as an ordinary assignment or membership
            ports.grants().remove(caller.tenant(), grant.key());
        } else {
            ports.grants().put(caller.tenant(), changed);
        }
        steps.recordSet(caller, locked.user(), changed, grant, changed);
        return Outcome.done(changed);
    }

    private Outcome<TimedGrant> cancel(Caller caller, GrantSteps.Locked locked) {
        TimedGrant grant = locked.grant();
        if (grant.started()) {
            return steps.end(caller, locked).map(done -> grant);
        }
        ports.grants().remove(caller.tenant(), grant.key());
        steps.recordSet(caller, locked.user(), grant, grant, null);
        return Outcome.done(grant);
    }

    /** Finds a user's grant under the tenant's licensing lock and the user's, and does {@code then} with it. */
    private Outcome<TimedGrant> located(
            Caller caller,
            TimedGrant.Kind kind,
            UserRef named,
            String target,
            boolean orHeld,
            Function<GrantSteps.Locked, Outcome<TimedGrant>> then) {
        return ports.transactions().run(() -> {
            Optional<User> user = steps.lockUser(caller, named);
            if (user.isEmpty()) {
                return Outcome.refused(Rejection.notFound(named));
            }
            Optional<Rejection> outside = steps.outside(
                    caller,
                    user.get(),
                    kind == TimedGrant.Kind.MEMBERSHIP
                            ? GrantTimes.uuid(target).map(GroupId::new).orElse(null)
                            : null);
            if (outside.isPresent()) {
                return Outcome.refused(outside.get());
            }
            Optional<UUID> id = kind == TimedGrant.Kind.LICENSE
                    ? ports.catalog().forTenant(caller.tenant()).lookup(target).map(p -> p.skuId()
                            .value())
                    : GrantTimes.uuid(target);
            Optional<TimedGrant> grant = id.flatMap(t -> ports.grants()
                    .find(caller.tenant(), new TimedGrant.Key(kind, user.get().id(), t)));
            if (grant.isEmpty() && orHeld) {
                grant = id.flatMap(
                        t -> held(caller, new TimedGrant.Key(kind, user.get().id(), t)));
            }
            if (grant.isEmpty()) {
                return Outcome.refused(Rejection.of(
                        ErrorCode.NOT_FOUND,
                        "%s has no time-bound %s of %s.",
                        user.get().userPrincipalName(),
                        kind == TimedGrant.Kind.LICENSE ? "license" : "membership",
                        target));
            }
            return then.apply(new GrantSteps.Locked(grant.get(), user.get()));
        });
    }

    /** Whether new times only give an end: what an ordinary license or membership may be given too. */
    private static boolean givesAnEnd(TimeBoundGrants.Reschedule times) {
        return times.setsEnd() && times.end() != null && !times.setsStart();
    }

    /**
     * A license the user holds directly (not pending removal), or a membership of a group whose members are added by
     * hand, as a grant that has started and has no end yet: what is given an end when an end is set on it.
     */
    private Optional<TimedGrant> held(Caller caller, TimedGrant.Key key) {
        Instant now = clock.instant();
        String by = caller.actor().displayName();
        if (key.kind() == TimedGrant.Kind.LICENSE) {
            return steps.heldDirectly(caller, key.user(), new SkuId(key.target()))
                    .map(a -> new TimedGrant(
                            key.kind(), key.user(), key.target(), a.disabledPlans(), now, null, true, by, now));
        }
        TimedGrant membership =
                new TimedGrant(key.kind(), key.user(), key.target(), Set.of(), now, null, true, by, now);
        boolean editable = ports.groupStore()
                .find(caller.tenant(), membership.group())
                .filter(g -> !g.isDynamic() && !g.onPremisesSyncEnabled())
                .isPresent();
        return editable && steps.isMember(caller, membership) ? Optional.of(membership) : Optional.empty();
    }
}
