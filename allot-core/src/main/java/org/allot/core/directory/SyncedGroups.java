package org.allot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;

/** The sync-only writes of {@link GroupDirectory}: synced groups and their members, as the directory has them. */
final class SyncedGroups {
    private final GroupDirectory directory;
    private final TenantLocks locks;
    private final Users users;
    private final Groups groups;
    private final Memberships memberships;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;

    SyncedGroups(
            GroupDirectory directory,
            TenantLocks locks,
            Users users,
            Groups groups,
            Memberships memberships,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock) {
        this.directory = Objects.requireNonNull(directory);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
    }

    Outcome<Group> provision(Caller caller, SyncedGroup synced) {
        locks.share(caller.tenant());
        Outcome<Map<GroupAttribute, Object>> values = values(synced);
        if (!values.isDone()) {
            return Outcome.refused(values.rejection());
        }
        Map<GroupAttribute, Object> v = values.value();
        String displayName = (String) v.get(GroupAttribute.DISPLAY_NAME);
        Group group = new Group(
                GroupId.random(),
                displayName,
                (String) v.get(GroupAttribute.MAIL_NICKNAME),
                (String) v.get(GroupAttribute.DESCRIPTION),
                (Boolean) v.getOrDefault(GroupAttribute.SECURITY_ENABLED, true),
                false,
                Set.of(),
                null,
                null,
                true,
                synced.immutableId(),
                clock.instant(),
                synced.samAccountName(),
                synced.onPremises().syncedAt(clock.instant()));
        groups.add(caller.tenant(), group);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.ADD_GROUP,
                GroupDirectory.target(group),
                GroupValues.changes(null, group)));
        return Outcome.done(group);
    }

    Outcome<Group> update(Caller caller, GroupId id, SyncedGroup synced) {
        locks.share(caller.tenant());
        Outcome<Group> found = synced(caller, id, synced.immutableId());
        if (!found.isDone()) {
            return found;
        }
        Outcome<Map<GroupAttribute, Object>> values = values(synced);
        if (!values.isDone()) {
            return Outcome.refused(values.rejection());
        }
        Outcome<Group> applied = GroupValues.apply(found.value(), values.value());
        if (!applied.isDone()) {
            return applied;
        }
        Group before = found.value();
        List<PropertyChange> changes = new ArrayList<>(GroupValues.changes(before, applied.value()));
        onPremisesChanges(before, synced, changes);
        if (changes.isEmpty()) {
            return applied;
        }
        Instant now = clock.instant();
        Group after = applied.value()
                .withOnPremisesAttributes(
                        synced.samAccountName(), synced.onPremises().syncedAt(now));
        groups.update(caller.tenant(), after);
        audit.append(AuditEvent.of(caller, now, Activity.UPDATE_GROUP, GroupDirectory.target(after), changes));
        return Outcome.done(after);
    }

    private static void onPremisesChanges(Group before, SyncedGroup synced, List<PropertyChange> changes) {
        if (!Objects.equals(before.onPremisesSamAccountName(), synced.samAccountName())) {
            changes.add(PropertyChange.of(
                    "onPremisesSamAccountName", before.onPremisesSamAccountName(), synced.samAccountName()));
        }
        OnPremisesAttributes was = before.onPremises();
        OnPremisesAttributes is = synced.onPremises();
        if (!Objects.equals(was.domainName(), is.domainName())) {
            changes.add(PropertyChange.of("onPremisesDomainName", was.domainName(), is.domainName()));
        }
        if (!Objects.equals(was.securityIdentifier(), is.securityIdentifier())) {
            changes.add(PropertyChange.of(
                    "onPremisesSecurityIdentifier", was.securityIdentifier(), is.securityIdentifier()));
        }
    }

    Outcome<Group> delete(Caller caller, GroupId id) {
        locks.exclusive(caller.tenant());
        Optional<Group> group = groups.find(caller.tenant(), id);
        if (group.isEmpty() || !group.get().onPremisesSyncEnabled()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        return directory.remove(caller, group.get());
    }

    Outcome<MembershipChange> setMembers(Caller caller, GroupId id, Set<Member> listed, Predicate<Member> inScope) {
        Optional<Group> group = groups.find(caller.tenant(), id);
        if (group.isEmpty() || !group.get().onPremisesSyncEnabled()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        boolean nesting = Stream.concat(listed.stream(), memberships.directMembers(caller.tenant(), id).stream())
                .anyMatch(m -> m instanceof Member.OfGroup);
        if (nesting) {
            locks.exclusive(caller.tenant());
        } else {
            locks.share(caller.tenant());
        }
        Set<Member> current = memberships.directMembers(caller.tenant(), id);
        List<Member> joining = listed.stream().filter(m -> !current.contains(m)).toList();
        List<Member> leaving = current.stream()
                .filter(m -> !listed.contains(m) && inScope.test(m))
                .toList();
        if (joining.isEmpty() && leaving.isEmpty()) {
            return Outcome.done(new MembershipChange(group.get(), List.of(), List.of(), Map.of()));
        }
        Map<Member, AuditTarget> targets = targets(caller, joining, leaving);
        Map<Member, String> refused = new LinkedHashMap<>();
        List<Member> added = new ArrayList<>();
        List<Member> users = new ArrayList<>();
        for (Member member : joining) {
            Optional<String> problem = problem(caller, id, member, targets);
            if (problem.isPresent()) {
                refused.put(member, problem.get());
            } else if (member instanceof Member.OfGroup) {
                memberships.add(caller.tenant(), id, member);
                added.add(member);
            } else {
                users.add(member);
                added.add(member);
            }
        }
        memberships.addAll(caller.tenant(), id, users);
        memberships.removeAll(caller.tenant(), id, leaving);
        Instant now = clock.instant();
        AuditTarget groupTarget = GroupDirectory.target(group.get());
        List<AuditEvent> events = new ArrayList<>();
        added.forEach(m -> events.add(
                AuditEvent.of(caller, now, Activity.ADD_MEMBER, List.of(targets.get(m), groupTarget), List.of())));
        leaving.forEach(m -> events.add(
                AuditEvent.of(caller, now, Activity.REMOVE_MEMBER, List.of(targets.get(m), groupTarget), List.of())));
        audit.appendAll(events);
        listener.membersChanged(caller, id, added, leaving);
        return Outcome.done(new MembershipChange(group.get(), added, leaving, refused));
    }

    private Optional<String> problem(Caller caller, GroupId id, Member member, Map<Member, AuditTarget> targets) {
        if (!targets.containsKey(member)) {
            return Optional.of("the member does not exist in Allot, or is deleted");
        }
        if (member instanceof Member.OfGroup nested
                && MemberChanges.closesCycle(memberships, caller.tenant(), id, nested.id())) {
            return Optional.of("the nested group already contains this group, and a group cannot contain itself");
        }
        return Optional.empty();
    }

    /** The audit target of each member that exists (users not deleted), read in one batch. */
    private Map<Member, AuditTarget> targets(Caller caller, List<Member> joining, List<Member> leaving) {
        List<UserId> userIds = new ArrayList<>();
        List<GroupId> groupIds = new ArrayList<>();
        for (List<Member> list : List.of(joining, leaving)) {
            for (Member m : list) {
                if (m instanceof Member.OfUser u) {
                    userIds.add(u.id());
                } else {
                    groupIds.add(((Member.OfGroup) m).id());
                }
            }
        }
        Map<Member, AuditTarget> targets = new HashMap<>();
        users.findAll(caller.tenant(), userIds).forEach((id, user) -> {
            if (!user.isDeleted() || leaving.contains(Member.user(id))) {
                targets.put(Member.user(id), UserValues.target(user));
            }
        });
        for (GroupId g : groupIds) {
            groups.find(caller.tenant(), g)
                    .ifPresent(found -> targets.put(Member.group(g), GroupDirectory.target(found)));
        }
        return targets;
    }

    private Outcome<Group> synced(Caller caller, GroupId id, String immutableId) {
        Optional<Group> found = groups.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        if (!found.get().onPremisesSyncEnabled()
                || !Objects.equals(immutableId, found.get().onPremisesImmutableId())) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.CONFLICT,
                    "Group %s is not the synced group with onPremisesImmutableId %s.",
                    found.get().displayName(),
                    immutableId));
        }
        return Outcome.done(found.get());
    }

    /** Converted values: a display name is required; a missing mail nickname is made from it. */
    private static Outcome<Map<GroupAttribute, Object>> values(SyncedGroup synced) {
        String id = synced.immutableId();
        if (id == null || id.isBlank() || id.length() > 256) {
            return Outcome.refused(
                    Rejection.invalid("A synced group needs an onPremisesImmutableId of 1 to 256 characters."));
        }
        if (synced.values().get(GroupAttribute.DISPLAY_NAME) == null) {
            return Outcome.refused(Rejection.invalid("Property 'displayName' is required when creating the resource."));
        }
        Map<GroupAttribute, Object> values = new LinkedHashMap<>(synced.values());
        values.remove(GroupAttribute.MAIL_ENABLED);
        if (values.get(GroupAttribute.SECURITY_ENABLED) == null) {
            values.remove(GroupAttribute.SECURITY_ENABLED);
        }
        Outcome<Map<GroupAttribute, Object>> converted = GroupValues.convertAll(values);
        if (!converted.isDone()) {
            return converted;
        }
        Map<GroupAttribute, Object> result = new LinkedHashMap<>(converted.value());
        if (result.get(GroupAttribute.MAIL_NICKNAME) == null) {
            result.put(GroupAttribute.MAIL_NICKNAME, GroupValues.nicknameFor((String)
                    result.get(GroupAttribute.DISPLAY_NAME)));
        }
        return Outcome.done(result);
    }
}
