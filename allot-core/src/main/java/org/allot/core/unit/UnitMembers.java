package org.allot.core.unit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Member;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;

/**
 * The members of a unit whose members are added one by one (Graph's {@code members/$ref}): a user (not deleted) or a
 * group of the tenant. Tenant-wide roles only; each change audited, with the unit and the member as its targets.
 */
public final class UnitMembers {
    private final Transactions transactions;
    private final Units units;
    private final Users users;
    private final Groups groups;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantLocks locks;
    private final MembersMoved moved;

    /** Told, in the same unit of work, of users who joined or left a unit (their seats' pools are drawn anew). */
    @FunctionalInterface
    public interface MembersMoved {
        void moved(Caller caller, java.util.Collection<UserId> users);
    }

    public UnitMembers(
            Transactions transactions,
            Units units,
            Users users,
            Groups groups,
            AuditLog audit,
            Clock clock,
            TenantLocks locks,
            MembersMoved moved) {
        this.moved = Objects.requireNonNull(moved);
        this.locks = Objects.requireNonNull(locks);
        this.transactions = Objects.requireNonNull(transactions);
        this.units = Objects.requireNonNull(units);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Adds a user or a group (named by its id) to the unit. */
    public Outcome<AdministrativeUnit> add(Caller caller, UnitId id, UUID memberId) {
        return change(caller, id, memberId, true);
    }

    /**
     * Adds a user or a group named as an administrator types it: an object id, or a user's principal name (what the
     * admin center's form takes).
     */
    public Outcome<AdministrativeUnit> add(Caller caller, UnitId id, String idOrPrincipalName) {
        String named = idOrPrincipalName == null ? "" : idOrPrincipalName.strip();
        try {
            return add(caller, id, UUID.fromString(named));
        } catch (IllegalArgumentException notAnId) {
            return transactions.run(() -> users.findByPrincipalName(caller.tenant(), named)
                    .filter(u -> !u.isDeleted())
                    .map(u -> add(caller, id, u.id().value()))
                    .orElseGet(() -> Outcome.refused(Rejection.notFound(named))));
        }
    }

    /** Removes a user or a group (named by its id) from the unit. */
    public Outcome<AdministrativeUnit> remove(Caller caller, UnitId id, UUID memberId) {
        return change(caller, id, memberId, false);
    }

    private Outcome<AdministrativeUnit> change(Caller caller, UnitId id, UUID memberId, boolean adding) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            // the tenant's licensing lock before the unit's row, as a change of a unit's rule takes them: the members'
            // seats may be drawn anew from the units' pools
            locks.share(caller.tenant());
            Optional<AdministrativeUnit> found = units.lock(caller.tenant(), id);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            AdministrativeUnit unit = found.get();
            if (unit.isDynamic()) {
                return Outcome.refused(UnitDirectory.dynamicMembers());
            }
            Optional<Named> member = named(caller, memberId);
            if (member.isEmpty()) {
                return Outcome.refused(Rejection.notFound(memberId));
            }
            boolean changed = adding
                    ? units.addMember(caller.tenant(), id, member.get().member())
                    : units.removeMember(caller.tenant(), id, member.get().member());
            if (!changed) {
                return Outcome.refused(adding ? UnitDirectory.alreadyMember() : Rejection.notFound(memberId));
            }
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    adding ? Activity.ADD_UNIT_MEMBER : Activity.REMOVE_UNIT_MEMBER,
                    List.of(UnitDirectory.target(unit), member.get().target()),
                    List.of()));
            if (member.get().member() instanceof Member.OfUser) {
                moved.moved(caller, List.of(new UserId(memberId)));
            }
            return Outcome.done(unit);
        });
    }

    private record Named(Member member, AuditTarget target) {}

    private Optional<Named> named(Caller caller, UUID id) {
        Optional<User> user = users.find(caller.tenant(), new UserId(id)).filter(u -> !u.isDeleted());
        if (user.isPresent()) {
            return Optional.of(new Named(
                    Member.user(user.get().id()),
                    AuditTarget.user(id, user.get().userPrincipalName())));
        }
        return groups.find(caller.tenant(), new GroupId(id))
                .map(g -> new Named(Member.group(g.id()), AuditTarget.group(id, g.displayName())));
    }
}
