package org.allot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;

/**
 * The members of synced groups (several in one unit of work, or one: {@link SyncedGroups#setMembers}) set as the
 * directory lists them, with set-based reads and writes: the groups, their current members and the members' targets
 * read once for all, the user memberships added and removed with one statement each, the audit records appended
 * together. Nested groups still join and leave one by one, group after group in the order given, so that each cycle check sees the nested
 * memberships of the groups before it. The caller holds the tenant's licensing lock (alone when nested groups are
 * concerned).
 */
final class SyncedMemberLists {
    private final Users users;
    private final Groups groups;
    private final Memberships memberships;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;

    SyncedMemberLists(
            Users users,
            Groups groups,
            Memberships memberships,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    List<Outcome<MembershipChange>> set(Caller caller, List<SyncedMembers> lists) {
        TenantId tenant = caller.tenant();
        List<GroupId> ids = lists.stream().map(SyncedMembers::group).distinct().toList();
        Map<GroupId, Group> found = groups.findAll(tenant, ids);
        Map<GroupId, Set<Member>> current = memberships.directMembers(
                tenant, ids.stream().filter(id -> synced(found.get(id))).toList());
        Map<GroupId, Delta> deltas = new LinkedHashMap<>();
        for (SyncedMembers list : lists) {
            Group group = found.get(list.group());
            if (synced(group) && !deltas.containsKey(list.group())) {
                Set<Member> now = current.getOrDefault(list.group(), Set.of());
                List<Member> joining =
                        list.listed().stream().filter(m -> !now.contains(m)).toList();
                List<Member> leaving = now.stream()
                        .filter(m ->
                                !list.listed().contains(m) && list.inScope().test(m))
                        .toList();
                deltas.put(list.group(), new Delta(joining, leaving));
            }
        }
        Targets targets = targets(tenant, found, deltas.values());
        Instant now = clock.instant();
        Map<GroupId, List<Member>> usersJoining = new LinkedHashMap<>();
        Map<GroupId, List<Member>> usersLeaving = new LinkedHashMap<>();
        List<AuditEvent> events = new ArrayList<>();
        Map<GroupId, MembershipChange> changes = new LinkedHashMap<>();
        for (Map.Entry<GroupId, Delta> entry : deltas.entrySet()) {
            GroupId id = entry.getKey();
            Group group = found.get(id);
            Delta delta = entry.getValue();
            Map<Member, String> refused = new LinkedHashMap<>();
            List<Member> added = new ArrayList<>();
            for (Member member : delta.joining()) {
                Optional<String> problem = problem(tenant, id, member, targets.of(member, false));
                if (problem.isPresent()) {
                    refused.put(member, problem.get());
                } else {
                    if (member instanceof Member.OfGroup) {
                        memberships.add(tenant, id, member);
                    } else {
                        usersJoining.computeIfAbsent(id, g -> new ArrayList<>()).add(member);
                    }
                    added.add(member);
                }
            }
            for (Member member : delta.leaving()) {
                if (member instanceof Member.OfGroup) {
                    memberships.remove(tenant, id, member);
                } else {
                    usersLeaving.computeIfAbsent(id, g -> new ArrayList<>()).add(member);
                }
            }
            AuditTarget groupTarget = GroupDirectory.target(group);
            added.forEach(m -> events.add(AuditEvent.of(
                    caller, now, Activity.ADD_MEMBER, List.of(targets.of(m, false), groupTarget), List.of())));
            delta.leaving()
                    .forEach(m -> events.add(AuditEvent.of(
                            caller,
                            now,
                            Activity.REMOVE_MEMBER,
                            List.of(targets.of(m, true), groupTarget),
                            List.of())));
            changes.put(id, new MembershipChange(group, added, delta.leaving(), refused));
        }
        memberships.addAll(tenant, usersJoining);
        memberships.removeAll(tenant, usersLeaving);
        audit.appendAll(events);
        listener.membersChanged(
                caller,
                changes.values().stream().filter(MembershipChange::changed).toList());
        return lists.stream()
                .map(list -> changes.containsKey(list.group())
                        ? Outcome.done(changes.get(list.group()))
                        : Outcome.<MembershipChange>refused(Rejection.notFound(list.group())))
                .toList();
    }

    private static boolean synced(Group group) {
        return group != null && group.onPremisesSyncEnabled();
    }

    /** Who joins and who leaves one group. */
    private record Delta(List<Member> joining, List<Member> leaving) {}

    private Optional<String> problem(TenantId tenant, GroupId id, Member member, AuditTarget target) {
        if (target == null) {
            return Optional.of("the member does not exist in Allot, or is deleted");
        }
        if (member instanceof Member.OfGroup nested
                && MemberChanges.closesCycle(memberships, tenant, id, nested.id())) {
            return Optional.of("the nested group already contains this group, and a group cannot contain itself");
        }
        return Optional.empty();
    }

    /**
     * The audit target of every member that joins or leaves one of the groups, read in one batch: a user deleted in
     * Allot has one only as a member leaving (it cannot join).
     */
    private Targets targets(TenantId tenant, Map<GroupId, Group> found, java.util.Collection<Delta> deltas) {
        Set<UserId> userIds = new LinkedHashSet<>();
        Set<GroupId> groupIds = new LinkedHashSet<>();
        for (Delta delta : deltas) {
            for (List<Member> list : List.of(delta.joining(), delta.leaving())) {
                for (Member m : list) {
                    if (m instanceof Member.OfUser u) {
                        userIds.add(u.id());
                    } else {
                        groupIds.add(((Member.OfGroup) m).id());
                    }
                }
            }
        }
        Map<GroupId, Group> nested = new HashMap<>();
        List<GroupId> unread = new ArrayList<>();
        for (GroupId g : groupIds) {
            if (found.containsKey(g)) {
                nested.put(g, found.get(g));
            } else {
                unread.add(g);
            }
        }
        nested.putAll(groups.findAll(tenant, unread));
        return new Targets(users.names(tenant, userIds), nested);
    }

    /** The users and groups found for the members. */
    private record Targets(Map<UserId, Users.Named> users, Map<GroupId, Group> groups) {
        /** A member's audit target, or null when it has none: unknown, or a deleted user that is not leaving. */
        AuditTarget of(Member member, boolean leaving) {
            if (member instanceof Member.OfUser u) {
                Users.Named user = users.get(u.id());
                return user == null || (user.deleted() && !leaving)
                        ? null
                        : AuditTarget.user(user.id(), user.userPrincipalName());
            }
            Group group = groups.get(((Member.OfGroup) member).id());
            return group == null ? null : GroupDirectory.target(group);
        }
    }
}
