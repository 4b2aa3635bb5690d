package org.allot.core.unit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Member;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;
import org.allot.core.rules.DynamicGroups;

/**
 * Administrative units: listed, read, created, changed and deleted, as Graph's {@code directory/administrativeUnits}
 * (changes are for tenant-wide roles only; a caller scoped to units sees its own units and nothing else). A dynamic
 * unit's users are recomputed in the request when its rule is saved or switched back on; afterwards they follow
 * users' changes ({@link #membership()}). Every change is audited. Members are {@link UnitMembers}' part.
 */
public final class UnitDirectory {
    private final Transactions transactions;
    private final Units units;
    private final TenantLocks locks;
    private final AuditLog audit;
    private final Clock clock;
    private final UnitRules rules;
    private final DynamicUnitMembership membership;
    private final int chunk;
    private final Users users;
    private final Groups groups;
    private final UnitMembers.MembersMoved moved;
    private final PoolsOwned pools;

    public UnitDirectory(
            Transactions transactions,
            Units units,
            Users users,
            Groups groups,
            DynamicGroups dynamicGroups,
            TenantLocks locks,
            AuditLog audit,
            Clock clock,
            int chunk,
            UnitMembers.MembersMoved moved,
            PoolsOwned pools) {
        this.transactions = Objects.requireNonNull(transactions);
        this.units = Objects.requireNonNull(units);
        this.locks = Objects.requireNonNull(locks);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.rules = new UnitRules(units, dynamicGroups);
        this.moved = Objects.requireNonNull(moved);
        this.pools = Objects.requireNonNull(pools);
        this.membership = new DynamicUnitMembership(rules, moved);
        this.chunk = chunk;
    }

    /** What keeps dynamic units' users in line as users change: one of the directory's listeners. */
    public DirectoryListener membership() {
        return membership;
    }

    /** The units the caller may see: all of the tenant's, or those its scoped roles are held over. */
    public List<AdministrativeUnit> list(Caller caller) {
        return transactions.read(() -> units.all(caller.tenant()).stream()
                .filter(u -> sees(caller, u.id()))
                .toList());
    }

    /** A unit the caller may see. */
    public Optional<AdministrativeUnit> find(Caller caller, UnitId id) {
        return transactions.read(() -> units.find(caller.tenant(), id).filter(u -> sees(caller, u.id())));
    }

    /** Whether the caller may see the unit: a tenant-wide caller every unit, a scoped one the units of its roles. */
    static boolean sees(Caller caller, UnitId unit) {
        return caller.scope().tenantWide() || caller.scope().units().contains(unit.value());
    }

    /** Creates a unit; a dynamic one gets the users its rule matches at once. */
    public Outcome<AdministrativeUnit> create(Caller caller, UnitChange change) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            if (change.displayName().isEmpty()) {
                return Outcome.refused(
                        Rejection.invalid("Invalid value specified for property 'displayName' of resource"
                                + " 'AdministrativeUnit': it is required."));
            }
            Outcome<AdministrativeUnit> made = UnitValues.apply(
                    new AdministrativeUnit(UnitId.random(), "-", null, null, false, clock.instant()), change);
            if (!made.isDone()) {
                return made;
            }
            AdministrativeUnit unit = made.value();
            if (unit.isDynamic()) {
                locks.exclusive(caller.tenant());
            }
            units.add(caller.tenant(), unit);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.ADD_ADMINISTRATIVE_UNIT,
                    target(unit),
                    UnitValues.changes(null, unit)));
            if (unit.appliesRule()) {
                recompute(caller, unit);
            }
            return Outcome.done(unit);
        });
    }

    /**
     * Changes a unit; a rule changed (or switched back on) recomputes its users, a change of type empties it. The users
     * who joined or left it have their seats drawn anew, in the same unit of work.
     */
    public Outcome<AdministrativeUnit> update(Caller caller, UnitId id, UnitChange change) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            boolean ruleTouched = change.membershipRule().isPresent()
                    || change.membershipType().isPresent()
                    || change.processingState().isPresent();
            if (ruleTouched) {
                locks.exclusive(caller.tenant());
            }
            Optional<AdministrativeUnit> found = units.lock(caller.tenant(), id);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            AdministrativeUnit before = found.get();
            Outcome<AdministrativeUnit> applied = UnitValues.apply(before, change);
            if (!applied.isDone()) {
                return applied;
            }
            AdministrativeUnit after = applied.value();
            List<PropertyChange> changes = UnitValues.changes(before, after);
            if (changes.isEmpty()) {
                return Outcome.done(after);
            }
            java.util.Set<UserId> joinedOrLeft = new java.util.TreeSet<>();
            if (before.isDynamic() != after.isDynamic()) {
                joinedOrLeft.addAll(userMembers(caller, id));
                units.clearMembers(caller.tenant(), id);
            }
            units.update(caller.tenant(), after);
            audit.append(AuditEvent.of(
                    caller, clock.instant(), Activity.UPDATE_ADMINISTRATIVE_UNIT, target(after), changes));
            boolean recompute = after.appliesRule()
                    && (!before.appliesRule() || !Objects.equals(before.membershipRule(), after.membershipRule()));
            if (recompute) {
                joinedOrLeft.addAll(rules.recompute(caller.tenant(), after, chunk));
            }
            if (!joinedOrLeft.isEmpty()) {
                moved.moved(caller, joinedOrLeft);
            }
            return Outcome.done(after);
        });
    }

    /** The allotments (seat pools) an administrative unit owns, each described for a message: none, empty. */
    @FunctionalInterface
    public interface PoolsOwned {
        List<String> of(TenantId tenant, UnitId unit);
    }

    /**
     * Deletes a unit, with its memberships and the roles held over it; its users have their seats drawn anew, in the same
     * unit of work. Refused while the unit owns an allotment: its seats would stay reserved for no one.
     */
    public Outcome<AdministrativeUnit> delete(Caller caller, UnitId id) {
        return transactions.run(() -> {
            Optional<Rejection> refused = ScopeGuard.TENANT_ONLY.toChangeTenant(caller);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            locks.share(caller.tenant()); // before the unit's row, as a change of its rule takes them
            Optional<AdministrativeUnit> found = units.lock(caller.tenant(), id);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            List<String> owned = pools.of(caller.tenant(), id);
            if (!owned.isEmpty()) {
                return Outcome.refused(Rejection.invalid(
                        "The administrative unit %s owns the allotment%s %s: delete %s or give %s another owner"
                                + " first, or its seats would stay reserved for no one.",
                        found.get().displayName(),
                        owned.size() == 1 ? "" : "s",
                        String.join(", ", owned),
                        owned.size() == 1 ? "it" : "them",
                        owned.size() == 1 ? "it" : "them"));
            }
            List<UserId> left = userMembers(caller, id);
            units.remove(caller.tenant(), id);
            audit.append(AuditEvent.of(
                    caller, clock.instant(), Activity.DELETE_ADMINISTRATIVE_UNIT, target(found.get()), List.of()));
            if (!left.isEmpty()) {
                moved.moved(caller, left);
            }
            return Outcome.done(found.get());
        });
    }

    /**
     * The unit's members a page at a time (users, then groups, each in id order, after the member {@code after});
     * not found for a unit the caller may not see.
     */
    public Outcome<List<DirectoryQueries.DirectoryObject>> members(Caller caller, UnitId id, UUID after, int limit) {
        return transactions.read(() -> {
            if (units.find(caller.tenant(), id)
                    .filter(u -> sees(caller, u.id()))
                    .isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            List<Member> page = units.members(caller.tenant(), id, after, limit);
            Map<UserId, User> foundUsers = users.findAll(
                    caller.tenant(),
                    page.stream()
                            .filter(Member.OfUser.class::isInstance)
                            .map(m -> ((Member.OfUser) m).id())
                            .toList());
            Map<GroupId, Group> foundGroups = groups.findAll(
                    caller.tenant(),
                    page.stream()
                            .filter(Member.OfGroup.class::isInstance)
                            .map(m -> ((Member.OfGroup) m).id())
                            .toList());
            List<DirectoryQueries.DirectoryObject> objects = new ArrayList<>();
            for (Member member : page) {
                if (member instanceof Member.OfUser u && foundUsers.containsKey(u.id())) {
                    objects.add(new DirectoryQueries.UserObject(foundUsers.get(u.id())));
                } else if (member instanceof Member.OfGroup g && foundGroups.containsKey(g.id())) {
                    objects.add(new DirectoryQueries.GroupObject(foundGroups.get(g.id())));
                }
            }
            return Outcome.done(objects);
        });
    }

    /** Applies a dynamic unit's rule to every user; those who joined it have their seats drawn anew. */
    private void recompute(Caller caller, AdministrativeUnit unit) {
        java.util.Set<UserId> joined = rules.recompute(caller.tenant(), unit, chunk);
        if (!joined.isEmpty()) {
            moved.moved(caller, joined);
        }
    }

    /** The unit's user members, all of them (a page at a time). */
    private List<UserId> userMembers(Caller caller, UnitId id) {
        List<UserId> found = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<Member> page = units.members(caller.tenant(), id, after, chunk);
            page.stream().filter(Member.OfUser.class::isInstance).forEach(m -> found.add(((Member.OfUser) m).id()));
            if (page.size() < chunk || !(page.get(page.size() - 1) instanceof Member.OfUser last)) {
                return found; // users come first: a page that ends on a group has the last of them
            }
            after = last.id().value();
        }
    }

    static AuditTarget target(AdministrativeUnit unit) {
        return AuditTarget.other("AdministrativeUnit", unit.id(), unit.displayName());
    }

    static Rejection alreadyMember() {
        return Rejection.invalid(
                "One or more added object references already exist for the following modified properties: 'members'.");
    }

    static Rejection dynamicMembers() {
        return Rejection.of(
                ErrorCode.INVALID_REQUEST,
                "The members of a dynamic administrative unit are decided by its membership rule: they cannot be"
                        + " added or removed one by one.");
    }
}
