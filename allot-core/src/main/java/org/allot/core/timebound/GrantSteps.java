package org.allot.core.timebound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.Member;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;

/**
 * What happens to one grant at its start and at its end, in the caller's unit of work and under the user's lock: the
 * license assigned or removed through {@code UserLicensing}, the membership added or removed through
 * {@code GroupDirectory}, so the removal grace and the waiting list apply as to any other change; then the grant kept
 * as started, or forgotten, with an audit record.
 */
final class GrantSteps {
    private final TimeBoundGrants.Ports ports;
    private final Clock clock;

    GrantSteps(TimeBoundGrants.Ports ports, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The scheduled step for one grant: reads it again under the tenant's licensing lock and the user's lock, and
     * starts or ends it if it is still due (another server, or an administrator, may have got there first: then it
     * does nothing). A grant that cannot take effect or end as asked (the user deleted, no seat for a direct license,
     * the group gone) is forgotten in a unit of work of its own, with a failed audit record saying why. Whether
     * anything was done.
     */
    boolean step(TenantId tenant, TimedGrant.Key key, Instant now) {
        Caller caller = Caller.of(tenant, TimeBoundGrants.TIME_BOUND_GRANTS);
        Outcome<Boolean> outcome = ports.transactions().run(() -> {
            Optional<Locked> locked = lockDue(tenant, key, now);
            if (locked.isEmpty()) {
                return Outcome.done(false);
            }
            TimedGrant grant = locked.get().grant();
            if (!grant.started() && grant.end() != null && !grant.end().isAfter(now)) {
                // its whole period went by before the step could start it: nothing is assigned
                forget(caller, locked.get(), Activity.END_TIME_BOUND_GRANT, "ended before it could start", false);
                return Outcome.done(true);
            }
            return grant.started() ? end(caller, locked.get()) : start(caller, locked.get());
        });
        if (outcome.isDone()) {
            return outcome.value();
        }
        String why = outcome.rejection().message();
        ports.transactions().run(() -> {
            lockDue(tenant, key, now)
                    .ifPresent(locked -> forget(
                            caller,
                            locked,
                            locked.grant().started() ? Activity.END_TIME_BOUND_GRANT : Activity.START_TIME_BOUND_GRANT,
                            why,
                            true));
            return null;
        });
        return true;
    }

    /** A grant and its user, as read under the user's lock. */
    record Locked(TimedGrant grant, User user) {}

    /** Takes the tenant's licensing lock and the user's, then reads the grant if it is still due. */
    private Optional<Locked> lockDue(TenantId tenant, TimedGrant.Key key, Instant now) {
        ports.locks().share(tenant);
        Optional<User> user = ports.users().lock(tenant, key.user());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return ports.grants().find(tenant, key).filter(g -> g.isDue(now)).map(g -> new Locked(g, user.get()));
    }

    /**
     * Assigns what the grant gives, as {@code UserLicensing.assign} assigns a license (or, for a grant that
     * {@link TimedGrant#waits()}, as {@code UserLicensing.assignOrWait} does: the user waits for a seat when none is
     * free) and {@code GroupDirectory.addMember} adds a member.
     */
    Outcome<?> give(Caller caller, TimedGrant grant) {
        AssignedLicense license = new AssignedLicense(grant.sku(), grant.disabledPlans());
        return switch (grant.kind()) {
            case LICENSE ->
                grant.waits()
                        ? ports.licensing().assignOrWait(caller, grant.user(), license)
                        : ports.licensing().assign(caller, grant.user(), List.of(license), List.of(), false);
            case MEMBERSHIP ->
                isMember(caller, grant)
                        ? Outcome.done(true)
                        : ports.groups().addMember(caller, grant.group(), Member.user(grant.user()));
        };
    }

    /** Assigns what the grant gives; keeps it as started (or forgets it when it has no end). */
    Outcome<Boolean> start(Caller caller, Locked locked) {
        TimedGrant grant = locked.grant();
        Outcome<?> given = give(caller, grant);
        if (!given.isDone()) {
            return Outcome.refused(given.rejection());
        }
        if (grant.end() == null) {
            ports.grants().remove(caller.tenant(), grant.key());
        } else {
            ports.grants().put(caller.tenant(), grant.asStarted());
        }
        audit(caller, locked, Activity.START_TIME_BOUND_GRANT, "started", false);
        return Outcome.done(true);
    }

    /**
     * Removes what the grant gave, if it is still there (a direct license pending removal or already removed, a
     * membership already ended, is left as it is), then forgets the grant. A license the user also inherits from a
     * group stays: only the direct assignment is removed.
     */
    Outcome<Boolean> end(Caller caller, Locked locked) {
        TimedGrant grant = locked.grant();
        boolean held =
                switch (grant.kind()) {
                    case LICENSE -> holdsDirectly(caller, grant);
                    case MEMBERSHIP -> isMember(caller, grant);
                };
        if (held) {
            Outcome<?> removed =
                    switch (grant.kind()) {
                        case LICENSE ->
                            ports.licensing().assign(caller, grant.user(), List.of(), List.of(grant.sku()), false);
                        case MEMBERSHIP ->
                            ports.groups().removeMember(caller, grant.group(), Member.user(grant.user()));
                    };
            if (!removed.isDone()) {
                return Outcome.refused(removed.rejection());
            }
        }
        forget(caller, locked, Activity.END_TIME_BOUND_GRANT, held ? "ended" : "ended (already removed)", false);
        return Outcome.done(true);
    }

    private boolean holdsDirectly(Caller caller, TimedGrant grant) {
        return heldDirectly(caller, grant.user(), grant.sku()).isPresent();
    }

    /** The user's direct assignment of the SKU, unless pending removal (read without a lock of its own). */
    Optional<LicenseAssignment> heldDirectly(Caller caller, UserId user, SkuId sku) {
        return ports.licensing().assignmentsOf(caller.tenant(), List.of(user)).getOrDefault(user, List.of()).stream()
                .filter(a -> a.sku().equals(sku) && a.source().isDirect() && !a.isPendingRemoval())
                .findFirst();
    }

    boolean isMember(Caller caller, TimedGrant grant) {
        return ports.memberships().isDirectMember(caller.tenant(), grant.group(), Member.user(grant.user()));
    }

    private void forget(Caller caller, Locked locked, Activity activity, String what, boolean failed) {
        ports.grants().remove(caller.tenant(), locked.grant().key());
        audit(caller, locked, activity, what, failed);
    }

    private void audit(Caller caller, Locked locked, Activity activity, String what, boolean failed) {
        TimedGrant grant = locked.grant();
        List<PropertyChange> changes = new ArrayList<>();
        changes.add(PropertyChange.of("startDateTime", null, grant.start()));
        changes.add(PropertyChange.of("endDateTime", null, grant.end()));
        changes.add(PropertyChange.of("setBy", null, grant.setBy()));
        changes.add(PropertyChange.of(failed ? "error" : "result", null, what));
        AuditEvent event = AuditEvent.of(
                caller, clock.instant(), activity, targets(caller.tenant(), locked.user(), grant), changes);
        ports.audit().append(failed ? event.failed() : event);
    }

    /** The user named, locked after the tenant's licensing lock (shared); empty when unknown or deleted. */
    Optional<User> lockUser(Caller caller, UserRef named) {
        ports.locks().share(caller.tenant());
        return named.find(caller.tenant(), ports.users())
                .flatMap(u -> ports.users().lock(caller.tenant(), u.id()))
                .filter(u -> !u.isDeleted());
    }

    /** The audit record of a grant set, changed or cancelled ({@code after} null), by whoever did it. */
    void recordSet(Caller caller, User user, TimedGrant grant, TimedGrant before, TimedGrant after) {
        List<PropertyChange> changes = List.of(
                PropertyChange.of(
                        "startDateTime", before == null ? null : before.start(), after == null ? null : after.start()),
                PropertyChange.of(
                        "endDateTime", before == null ? null : before.end(), after == null ? null : after.end()));
        ports.audit()
                .append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.SET_TIME_BOUND_GRANT,
                        targets(caller.tenant(), user, grant),
                        changes));
    }

    /** The user and the product or group a grant's audit records name. */
    private List<AuditTarget> targets(TenantId tenant, User user, TimedGrant grant) {
        AuditTarget what = grant.kind() == TimedGrant.Kind.LICENSE
                ? AuditTarget.other(
                        "Product",
                        grant.sku(),
                        ports.catalog()
                                .forTenant(tenant)
                                .find(grant.sku())
                                .map(Product::skuPartNumber)
                                .orElse(null))
                : AuditTarget.group(
                        grant.group(),
                        ports.groupStore()
                                .find(tenant, grant.group())
                                .map(Group::displayName)
                                .orElse(null));
        return List.of(AuditTarget.user(user.id(), user.userPrincipalName()), what);
    }

    /**
     * Refused when the caller's role is scoped to administrative units that do not hold the user (or, for a
     * membership, the group): a unit administrator gives and changes grants of their units' users and groups only.
     */
    Optional<org.allot.core.Rejection> outside(Caller caller, User user, org.allot.core.directory.GroupId group) {
        Optional<org.allot.core.Rejection> refused =
                ports.guard().toChange(caller, user.id().value());
        if (refused.isEmpty() && group != null) {
            refused = ports.guard().toChange(caller, group.value());
        }
        return refused;
    }
}
