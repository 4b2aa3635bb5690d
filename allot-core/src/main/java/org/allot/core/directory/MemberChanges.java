package org.allot.core.directory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;

/**
 * The members of {@link GroupDirectory}'s groups added and removed one at a time, by an administrator or an app: not
 * those of a synced group (the directory owns them, {@link SyncedGroups}) nor of a dynamic group (its rule decides).
 * Each change is audited and licensing follows it, in the caller's unit of work.
 */
final class MemberChanges {
    private final TenantLocks locks;
    private final Users users;
    private final Groups groups;
    private final Memberships memberships;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;

    MemberChanges(
            TenantLocks locks,
            Users users,
            Groups groups,
            Memberships memberships,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock) {
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@link #add(Caller, GroupId, Member)} for a directory object named by its id. */
    Outcome<Group> add(Caller caller, GroupId groupId, UUID memberId) {
        return named(caller, groupId, memberId).flatMap(m -> add(caller, groupId, m.member(), m));
    }

    /** {@link #remove(Caller, GroupId, Member)} for a directory object named by its id. */
    Outcome<Group> remove(Caller caller, GroupId groupId, UUID memberId) {
        return named(caller, groupId, memberId).flatMap(m -> remove(caller, groupId, m.member(), m));
    }

    Outcome<Group> add(Caller caller, GroupId groupId, Member member) {
        return add(caller, groupId, member, null);
    }

    /** {@code named}: the member, the lock and the group as {@link #named} took and read them; null to do it here. */
    private Outcome<Group> add(Caller caller, GroupId groupId, Member member, Named named) {
        Outcome<Checked> checked = checkMembershipChange(caller, groupId, member, named);
        if (!checked.isDone()) {
            return Outcome.refused(checked.rejection());
        }
        if (member instanceof Member.OfGroup nested
                && closesCycle(memberships, caller.tenant(), groupId, nested.id())) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.MEMBERSHIP_CYCLE,
                    "Group %s cannot be added to group %s: it already contains that group, and a group cannot"
                            + " contain itself.",
                    nested.id(),
                    groupId));
        }
        Group group = checked.value().group();
        if (!memberships.add(caller.tenant(), groupId, member, audit, event(caller, checked.value(), true))) {
            return Outcome.refused(Rejection.invalid(
                    "One or more added object references already exist for the following modified properties:"
                            + " 'members'."));
        }
        listener.membershipChanged(caller, group.id(), member, true);
        return Outcome.done(group);
    }

    Outcome<Group> remove(Caller caller, GroupId groupId, Member member) {
        return remove(caller, groupId, member, null);
    }

    private Outcome<Group> remove(Caller caller, GroupId groupId, Member member, Named named) {
        Outcome<Checked> checked = checkMembershipChange(caller, groupId, member, named);
        if (!checked.isDone()) {
            return Outcome.refused(checked.rejection());
        }
        if (!memberships.remove(caller.tenant(), groupId, member)) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.NOT_FOUND,
                    "One or more removed object references do not exist for the following modified properties:"
                            + " 'members'."));
        }
        return changed(caller, checked, member, false);
    }

    /** A member joined or left the group: audited, and licensing follows. */
    private Outcome<Group> changed(Caller caller, Outcome<Checked> checked, Member member, boolean joined) {
        Group group = checked.value().group();
        audit.append(event(caller, checked.value(), joined));
        listener.membershipChanged(caller, group.id(), member, joined);
        return Outcome.done(group);
    }

    /** The audit record of a member joining or leaving a group. */
    private AuditEvent event(Caller caller, Checked checked, boolean joined) {
        return AuditEvent.of(
                caller,
                clock.instant(),
                joined ? Activity.ADD_MEMBER : Activity.REMOVE_MEMBER,
                List.of(checked.member(), GroupDirectory.target(checked.group())),
                List.of());
    }

    /** The group and the member of a change, as read under the lock, the member as its audit record names it. */
    private record Checked(Group group, AuditTarget member) {}

    /**
     * Whether the {@code nested} group joining {@code group} would make a group contain itself: it is that group, or
     * already contains it at any depth.
     */
    static boolean closesCycle(Memberships memberships, TenantId tenant, GroupId group, GroupId nested) {
        return nested.equals(group)
                || memberships.descendantGroups(tenant, nested).contains(group);
    }

    /**
     * The member an id names, with the tenant's lock taken for it and the group read under it
     * ({@link TenantLocks#lockForMember}): a user, or else a group once the group changed is known to exist.
     */
    private Outcome<Named> named(Caller caller, GroupId groupId, UUID memberId) {
        TenantId tenant = caller.tenant();
        TenantLocks.LockedForMember locked = locks.lockForMember(tenant, memberId, users, groups, groupId);
        if (locked.group().isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        if (locked.user().isPresent()) {
            return Outcome.done(new Named(
                    Member.user(new UserId(memberId)),
                    UserValues.target(locked.user().get()),
                    locked.group().get()));
        }
        if (!locked.exclusive()) {
            // a user when the lock was asked for, deleted before it was held
            return Outcome.refused(Rejection.notFound(memberId));
        }
        return groups.find(tenant, new GroupId(memberId))
                .map(g -> Outcome.done(new Named(
                        Member.group(g.id()),
                        GroupDirectory.target(g),
                        locked.group().get())))
                .orElseGet(() -> Outcome.refused(Rejection.notFound(memberId)));
    }

    /**
     * Takes the tenant's licensing lock and reads the group under it (in one round trip where the store can): a user
     * joining or leaving shares the lock; a group joining or leaving changes nesting and takes it alone, which also
     * keeps two concurrent additions from closing a cycle between them.
     */
    private Optional<Group> lockAndFind(Caller caller, GroupId groupId, Member member) {
        return locks.lockAndFind(caller.tenant(), member instanceof Member.OfGroup, groups, groupId);
    }

    /**
     * A member named by id, as its audit record names it, and the group, both read under the tenant's lock, taken
     * as the member asks: a user is read once per request. The tenant's lock, shared, would not keep a user from being
     * deleted between two reads either: that is decided by the user's row, which licensing locks.
     */
    private record Named(Member member, AuditTarget target, Group group) {}

    /**
     * Locks (see {@link #lockAndFind}) and checks that the member may join or leave the group; {@code named}: the lock
     * already taken and what was read under it, or null.
     */
    private Outcome<Checked> checkMembershipChange(Caller caller, GroupId groupId, Member member, Named named) {
        Optional<Group> group = named != null ? Optional.of(named.group()) : lockAndFind(caller, groupId, member);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        if (group.get().onPremisesSyncEnabled()) {
            return Outcome.refused(GroupDirectory.readOnlySynced());
        }
        if (group.get().isDynamic()) {
            return Outcome.refused(Rejection.invalid(
                    "Members of a dynamic group follow its membership rule and cannot be added or removed by hand."));
        }
        Optional<AuditTarget> found = named != null
                ? Optional.of(named.target())
                : member instanceof Member.OfUser ofUser
                        ? users.find(caller.tenant(), ofUser.id())
                                .filter(u -> !u.isDeleted())
                                .map(UserValues::target)
                        : groups.find(caller.tenant(), ((Member.OfGroup) member).id())
                                .map(GroupDirectory::target);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(memberId(member)));
        }
        return Outcome.done(new Checked(group.get(), found.get()));
    }

    private static Object memberId(Member member) {
        return member instanceof Member.OfUser user ? user.id() : ((Member.OfGroup) member).id();
    }
}
