package org.allot.core.timebound;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserRef;

/** {@link TimeBoundGrants}' new grants: checked, started at once or kept for their start, audited. */
final class NewGrants {
    private final TimeBoundGrants.Ports ports;
    private final Clock clock;
    private final GrantSteps steps;

    NewGrants(TimeBoundGrants.Ports ports, Clock clock, GrantSteps steps) {
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
        this.steps = Objects.requireNonNull(steps);
    }

    /**
     * Assigns a product to a user directly from {@code start} (null: now) until {@code end} (null: no end). Starting
     * now, it is assigned at once as {@link UserLicensing#assign} assigns it, refused for the same reasons (a license
     * the user already holds directly gets the end); starting later, nothing is assigned until then.
     */
    Outcome<TimedGrant> grantLicense(
            Caller caller,
            UserRef named,
            String sku,
            Set<ServicePlanId> disabledPlans,
            Instant start,
            Instant end,
            boolean waits) {
        Instant now = clock.instant();
        Optional<Rejection> times = GrantTimes.check(start, end, now);
        if (times.isPresent()) {
            return Outcome.refused(times.get());
        }
        return ports.transactions().run(() -> {
            Optional<User> user = steps.lockUser(caller, named);
            if (user.isEmpty()) {
                return Outcome.refused(Rejection.notFound(named));
            }
            Optional<Rejection> outside = steps.outside(caller, user.get(), null);
            if (outside.isPresent()) {
                return Outcome.refused(outside.get());
            }
            Optional<Product> product =
                    ports.catalog().forTenant(caller.tenant()).lookup(sku);
            if (product.isEmpty() || product.get().appliesTo() != AppliesTo.User) {
                return Outcome.refused(
                        ErrorCode.INVALID_LICENSE,
                        "License %s does not correspond to a valid company" + " License.",
                        sku);
            }
            TimedGrant grant = new TimedGrant(
                    TimedGrant.Kind.LICENSE,
                    user.get().id(),
                    product.get().skuId().value(),
                    disabledPlans,
                    GrantTimes.startsNow(start, now) ? now : start,
                    end,
                    false,
                    caller.actor().displayName(),
                    now,
                    waits);
            Optional<Rejection> taken =
                    alreadyGranted(caller, user.get(), grant, product.get().label());
            if (taken.isPresent()) {
                return Outcome.refused(taken.get());
            }
            if (!GrantTimes.startsNow(start, now)) {
                Optional<Rejection> scheduled = checkScheduledLicense(caller, grant, product.get());
                if (scheduled.isPresent()) {
                    return Outcome.refused(scheduled.get());
                }
            }
            return set(caller, new GrantSteps.Locked(grant, user.get()), start, now);
        });
    }

    /**
     * Adds a user to a group from {@code start} (null: now) until {@code end} (null: no end). Starting now, the user
     * joins at once as {@link GroupDirectory#addMember} adds them (a user already a direct member gets the end);
     * starting later, the user is not a member until then. Synced and dynamic groups decide their members themselves.
     */
    Outcome<TimedGrant> grantMembership(Caller caller, GroupId groupId, UserRef named, Instant start, Instant end) {
        Instant now = clock.instant();
        Optional<Rejection> times = GrantTimes.check(start, end, now);
        if (times.isPresent()) {
            return Outcome.refused(times.get());
        }
        return ports.transactions().run(() -> {
            ports.locks().share(caller.tenant());
            Optional<Group> group = ports.groupStore().find(caller.tenant(), groupId);
            if (group.isEmpty()) {
                return Outcome.refused(Rejection.notFound(groupId));
            }
            if (group.get().onPremisesSyncEnabled() || group.get().isDynamic()) {
                return Outcome.refused(Rejection.invalid(
                        "The members of %s are decided by %s: they cannot be added for a time.",
                        group.get().displayName(), group.get().isDynamic() ? "its membership rule" : "directory sync"));
            }
            Optional<User> user = steps.lockUser(caller, named);
            if (user.isEmpty()) {
                return Outcome.refused(Rejection.notFound(named));
            }
            Optional<Rejection> outside = steps.outside(caller, user.get(), groupId);
            if (outside.isPresent()) {
                return Outcome.refused(outside.get());
            }
            TimedGrant grant = new TimedGrant(
                    TimedGrant.Kind.MEMBERSHIP,
                    user.get().id(),
                    groupId.value(),
                    Set.of(),
                    GrantTimes.startsNow(start, now) ? now : start,
                    end,
                    false,
                    caller.actor().displayName(),
                    now);
            Optional<Rejection> taken =
                    alreadyGranted(caller, user.get(), grant, group.get().displayName());
            if (taken.isPresent()) {
                return Outcome.refused(taken.get());
            }
            if (!GrantTimes.startsNow(start, now) && steps.isMember(caller, grant)) {
                return Outcome.refused(Rejection.invalid(
                        "%s is already a member of %s: give it an end without a start.",
                        user.get().userPrincipalName(), group.get().displayName()));
            }
            return set(caller, new GrantSteps.Locked(grant, user.get()), start, now);
        });
    }

    /** Keeps a new grant (starting it at once when its start is now), with an audit record of who set it. */
    private Outcome<TimedGrant> set(Caller caller, GrantSteps.Locked locked, Instant start, Instant now) {
        TimedGrant grant = locked.grant();
        if (GrantTimes.startsNow(start, now)) {
            Outcome<?> given = steps.give(caller, grant);
            if (!given.isDone()) {
                return Outcome.refused(given.rejection());
            }
            grant = grant.asStarted();
        }
        ports.grants().put(caller.tenant(), grant);
        steps.recordSet(caller, locked.user(), grant, null, grant);
        return Outcome.done(grant);
    }

    private Optional<Rejection> alreadyGranted(Caller caller, User user, TimedGrant grant, String name) {
        return ports.grants()
                .find(caller.tenant(), grant.key())
                .map(g -> Rejection.of(
                        ErrorCode.ALREADY_EXISTS,
                        "%s already has a time-bound %s of %s: change or cancel it instead.",
                        user.userPrincipalName(),
                        grant.kind() == TimedGrant.Kind.LICENSE ? "license" : "membership",
                        name));
    }

    /** What a license that starts later is checked for now (the rest is checked at its start, as any assignment). */
    private Optional<Rejection> checkScheduledLicense(Caller caller, TimedGrant grant, Product product) {
        for (ServicePlanId plan : grant.disabledPlans()) {
            if (!product.hasPlan(plan)) {
                return Optional.of(Rejection.of(
                        ErrorCode.INVALID_SERVICE_PLAN,
                        "Service plan %s does not belong to License %s.",
                        plan,
                        product.skuId()));
            }
        }
        return steps.heldDirectly(caller, grant.user(), grant.sku()).isPresent()
                ? Optional.of(Rejection.invalid(
                        "The user already holds %s directly: give it an end without a start.", product.label()))
                : Optional.empty();
    }
}
