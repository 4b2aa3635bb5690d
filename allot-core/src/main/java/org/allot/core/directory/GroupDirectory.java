package org.allot.core.directory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;

/**
 * Creates, changes and deletes groups and their members; nested groups never form a cycle. The members added and
 * removed one at a time are {@link MemberChanges}'s part, the sync-only writes {@link SyncedGroups}'s.
 */
public final class GroupDirectory {
    static final String RESOURCE = "Group";
    private static final List<String> KNOWN_GROUP_TYPES = List.of(Group.DYNAMIC_MEMBERSHIP, "Unified");

    private final Transactions transactions;
    private final TenantLocks locks;
    private final Groups groups;
    private final Memberships memberships;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;
    private final SyncedGroups syncedGroups;
    private final SyncedMemberLists memberLists;
    private final MemberChanges members;
    private final ScopeGuard guard;

    public GroupDirectory(
            Transactions transactions,
            TenantLocks locks,
            Users users,
            Groups groups,
            Memberships memberships,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock,
            ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.memberLists = new SyncedMemberLists(users, groups, memberships, audit, listener, clock);
        this.syncedGroups = new SyncedGroups(this, locks, groups, memberships, audit, memberLists, clock);
        this.members = new MemberChanges(locks, users, groups, memberships, audit, listener, clock);
    }

    /**
     * Creates a group; {@code displayName} is required, it is a security group unless told otherwise. A group whose
     * {@code groupTypes} include {@code DynamicMembership} needs a {@code membershipRule}; its processing state is
     * {@code On} unless told otherwise, and its members follow the rule from the start.
     */
    public Outcome<Group> create(Caller caller, Map<GroupAttribute, Object> values, Set<String> groupTypes) {
        return transactions.run(() -> guard.toChangeTenant(caller)
                .<Outcome<Group>>map(Outcome::refused)
                .orElseGet(() -> createNow(caller, values, groupTypes)));
    }

    private Outcome<Group> createNow(Caller caller, Map<GroupAttribute, Object> values, Set<String> groupTypes) {
        lockFor(caller, groupTypes.contains(Group.DYNAMIC_MEMBERSHIP) ? values.keySet() : Set.of());
        if (values.get(GroupAttribute.DISPLAY_NAME) == null) {
            return Outcome.refused(Rejection.invalid("Property 'displayName' is required when creating the resource."));
        }
        for (String type : groupTypes) {
            if (!KNOWN_GROUP_TYPES.contains(type)) {
                return Outcome.refused(Rejection.invalid(
                        "Invalid value specified for property 'groupTypes' of resource 'Group': '%s'. Allowed: %s.",
                        type, String.join(", ", KNOWN_GROUP_TYPES)));
            }
        }
        Outcome<Map<GroupAttribute, Object>> converted = GroupValues.convertAll(values);
        if (!converted.isDone()) {
            return Outcome.refused(converted.rejection());
        }
        Map<GroupAttribute, Object> v = converted.value();
        String displayName = (String) v.get(GroupAttribute.DISPLAY_NAME);
        String nickname = Objects.requireNonNullElse(
                (String) v.get(GroupAttribute.MAIL_NICKNAME), GroupValues.nicknameFor(displayName));
        boolean dynamic = groupTypes.contains(Group.DYNAMIC_MEMBERSHIP);
        Group group = new Group(
                GroupId.random(),
                displayName,
                nickname,
                (String) v.get(GroupAttribute.DESCRIPTION),
                (Boolean) v.getOrDefault(GroupAttribute.SECURITY_ENABLED, true),
                (Boolean) v.getOrDefault(GroupAttribute.MAIL_ENABLED, false),
                groupTypes,
                (String) v.get(GroupAttribute.MEMBERSHIP_RULE),
                v.get(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE) != null
                        ? (String) v.get(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE)
                        : dynamic ? Group.RULE_ON : null,
                false,
                null,
                clock.instant(),
                null,
                null);
        Optional<Rejection> refused =
                GroupValues.checkMembershipRule(group).or(() -> listener.checkGroupChange(caller, null, group));
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        groups.add(caller.tenant(), group);
        audit.append(AuditEvent.of(
                caller, clock.instant(), Activity.ADD_GROUP, target(group), GroupValues.changes(null, group)));
        listener.groupChanged(caller, null, group);
        return Outcome.done(group);
    }

    /**
     * Changes the given attributes. Changing a dynamic group's rule, or switching its processing back {@code On},
     * recomputes its members; members who still match are left alone.
     */
    public Outcome<Group> update(Caller caller, GroupId id, Map<GroupAttribute, Object> values) {
        return transactions.run(() -> guard.changing(caller, id.value(), () -> updateNow(caller, id, values)));
    }

    private Outcome<Group> updateNow(Caller caller, GroupId id, Map<GroupAttribute, Object> values) {
        lockFor(caller, values.keySet());
        Optional<Group> found = groups.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        Group before = found.get();
        if (before.onPremisesSyncEnabled()) {
            return Outcome.refused(readOnlySynced());
        }
        Outcome<Map<GroupAttribute, Object>> converted = GroupValues.convertAll(values);
        if (!converted.isDone()) {
            return Outcome.refused(converted.rejection());
        }
        Outcome<Group> applied = GroupValues.apply(before, converted.value());
        if (!applied.isDone()) {
            return applied;
        }
        Group changed = applied.value();
        Optional<Rejection> refused =
                GroupValues.checkMembershipRule(changed).or(() -> listener.checkGroupChange(caller, before, changed));
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        List<PropertyChange> changes = GroupValues.changes(before, changed);
        if (!changes.isEmpty()) {
            groups.update(caller.tenant(), changed);
            audit.append(AuditEvent.of(caller, clock.instant(), Activity.UPDATE_GROUP, target(changed), changes));
            listener.groupChanged(caller, before, changed);
        }
        return Outcome.done(changed);
    }

    /** Deletes a group that assigns no licenses; its members lose what they inherited through it. */
    public Outcome<Group> delete(Caller caller, GroupId id) {
        return transactions.run(() -> guard.changing(caller, id.value(), () -> deleteNow(caller, id)));
    }

    private Outcome<Group> deleteNow(Caller caller, GroupId id) {
        locks.exclusive(caller.tenant());
        Optional<Group> found = groups.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        return remove(caller, found.get());
    }

    /**
     * Removes a group the listener does not veto, first from the groups that contain it; the caller holds the
     * tenant's licensing lock alone (it changes how groups nest).
     */
    Outcome<Group> remove(Caller caller, Group group) {
        Optional<Rejection> veto = listener.checkGroupDelete(caller, group);
        if (veto.isPresent()) {
            return Outcome.refused(veto.get());
        }
        GroupId id = group.id();
        for (GroupId parent : memberships.parentGroups(caller.tenant(), id)) {
            memberships.remove(caller.tenant(), parent, Member.group(id));
            listener.membershipChanged(caller, parent, Member.group(id), false);
        }
        groups.remove(caller.tenant(), id);
        listener.groupDeleted(caller, group);
        audit.append(AuditEvent.of(caller, clock.instant(), Activity.DELETE_GROUP, target(group), List.of()));
        return Outcome.done(group);
    }

    /**
     * Sync-only: creates a group synchronised from an on-premises directory, with its immutable id; its attributes
     * and members stay owned by the directory.
     */
    public Outcome<Group> provisionSynced(Caller caller, SyncedGroup synced) {
        return syncedGroups.provision(caller, synced);
    }

    /** Sync-only: replaces the directory-owned attributes of a synced group. */
    public Outcome<Group> updateSynced(Caller caller, GroupId id, SyncedGroup synced) {
        return syncedGroups.update(caller, id, synced);
    }

    /** Sync-only: deletes a synced group that left the directory; refused while it assigns licenses. */
    public Outcome<Group> deleteSynced(Caller caller, GroupId id) {
        return syncedGroups.delete(caller, id);
    }

    /**
     * Sync-only: makes the {@code listed} users and groups the direct members of a synced group. Current members
     * that are not listed leave it only when {@code inScope} says the directory still holds them: members that left
     * the directory's scope keep their memberships until their own deletion. Members that cannot join (unknown,
     * deleted, or a group that would contain itself) are reported and left out; licensing follows the change.
     */
    public Outcome<MembershipChange> setSyncedMembers(
            Caller caller, GroupId id, Set<Member> listed, Predicate<Member> inScope) {
        return syncedGroups.setMembers(caller, id, listed, inScope);
    }

    /**
     * Sync-only: {@link #setSyncedMembers(Caller, GroupId, Set, Predicate)} for several groups in one unit of work,
     * in the order given, one outcome each. It holds the tenant's licensing lock alone from the start: the users it
     * locks group after group are not in one id order, so no other licensing change may run beside it.
     */
    public List<Outcome<MembershipChange>> setSyncedMembers(Caller caller, List<SyncedMembers> lists) {
        locks.exclusive(caller.tenant());
        return memberLists.set(caller, lists);
    }

    /**
     * {@link #addMember(Caller, GroupId, Member)} for a directory object named by its id: a user (unless deleted) or
     * a group of the tenant.
     */
    public Outcome<Group> addMember(Caller caller, GroupId groupId, UUID memberId) {
        return transactions.run(() -> both(caller, groupId, memberId, () -> members.add(caller, groupId, memberId)));
    }

    /** {@link #removeMember(Caller, GroupId, Member)} for a directory object named by its id. */
    public Outcome<Group> removeMember(Caller caller, GroupId groupId, UUID memberId) {
        return transactions.run(() -> both(caller, groupId, memberId, () -> members.remove(caller, groupId, memberId)));
    }

    /** Adds a user or a group to a group. */
    public Outcome<Group> addMember(Caller caller, GroupId groupId, Member member) {
        return transactions.run(() -> both(caller, groupId, idOf(member), () -> members.add(caller, groupId, member)));
    }

    /** Removes a user or a group from a group. */
    public Outcome<Group> removeMember(Caller caller, GroupId groupId, Member member) {
        return transactions.run(
                () -> both(caller, groupId, idOf(member), () -> members.remove(caller, groupId, member)));
    }

    /** A change to a group's members: the group and the member must both be within the caller's scope. */
    private Outcome<Group> both(
            Caller caller, GroupId groupId, UUID memberId, java.util.function.Supplier<Outcome<Group>> change) {
        return guard.changing(caller, groupId.value(), () -> guard.changing(caller, memberId, change));
    }

    private static UUID idOf(Member member) {
        return member instanceof Member.OfUser user
                ? user.id().value()
                : ((Member.OfGroup) member).id().value();
    }

    /**
     * A change to a membership rule, or to whether it is applied, decides the members of a group anew: it holds the
     * tenant's licensing lock alone, so no user is meanwhile created, restored or changed against the old rule while
     * the users are read against the new one. Other changes to groups share it.
     */
    private void lockFor(Caller caller, Set<GroupAttribute> changed) {
        if (changed.contains(GroupAttribute.MEMBERSHIP_RULE)
                || changed.contains(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE)) {
            locks.exclusive(caller.tenant());
        } else {
            locks.share(caller.tenant());
        }
    }

    static Rejection readOnlySynced() {
        return Rejection.of(
                ErrorCode.READ_ONLY_ATTRIBUTE,
                "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects"
                        + " currently undergoing migration.");
    }

    static AuditTarget target(Group group) {
        return AuditTarget.group(group.id(), group.displayName());
    }
}
