package org.allot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.allot.core.audit.PropertyChange;

/** The sync-only writes of {@link GroupDirectory}: synced groups and their members, as the directory has them. */
final class SyncedGroups {
    private final GroupDirectory directory;
    private final TenantLocks locks;
    private final Groups groups;
    private final Memberships memberships;
    private final AuditLog audit;
    private final SyncedMemberLists memberLists;
    private final Clock clock;

    SyncedGroups(
            GroupDirectory directory,
            TenantLocks locks,
            Groups groups,
            Memberships memberships,
            AuditLog audit,
            SyncedMemberLists memberLists,
            Clock clock) {
        this.directory = Objects.requireNonNull(directory);
        this.locks = Objects.requireNonNull(locks);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
        this.memberLists = Objects.requireNonNull(memberLists);
        this.clock = Objects.requireNonNull(clock);
    }

    Outcome<Group> provision(Caller caller, SyncedGroup synced) {
        return provision(caller, List.of(synced)).get(0);
    }

    /**
     * Creates synced groups in one batch: one write of the groups and one of their "Add group" records; a refused
     * group does not hold back the others. The outcomes are in the order of {@code synced}.
     */
    List<Outcome<Group>> provision(Caller caller, List<SyncedGroup> synced) {
        if (synced.isEmpty()) {
            return List.of();
        }
        locks.share(caller.tenant());
        List<Outcome<Group>> results = new ArrayList<>(synced.size());
        List<Group> created = new ArrayList<>(synced.size());
        List<AuditEvent> events = new ArrayList<>(synced.size());
        for (SyncedGroup one : synced) {
            Outcome<Map<GroupAttribute, Object>> values = values(one);
            if (!values.isDone()) {
                results.add(Outcome.refused(values.rejection()));
                continue;
            }
            Map<GroupAttribute, Object> v = values.value();
            Instant now = clock.instant();
            Group group = new Group(
                    GroupId.random(),
                    (String) v.get(GroupAttribute.DISPLAY_NAME),
                    (String) v.get(GroupAttribute.MAIL_NICKNAME),
                    (String) v.get(GroupAttribute.DESCRIPTION),
                    (Boolean) v.getOrDefault(GroupAttribute.SECURITY_ENABLED, true),
                    false,
                    Set.of(),
                    null,
                    null,
                    true,
                    one.immutableId(),
                    now,
                    one.samAccountName(),
                    one.onPremises().syncedAt(now));
            created.add(group);
            events.add(AuditEvent.of(
                    caller, now, Activity.ADD_GROUP, GroupDirectory.target(group), GroupValues.changes(null, group)));
            results.add(Outcome.done(group));
        }
        groups.addAll(caller.tenant(), created);
        audit.appendAll(events);
        return results;
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

    /**
     * One group's members as the directory lists them: {@link SyncedMemberLists#set} for this group alone, holding
     * the tenant's licensing lock shared, or alone when nested groups are concerned (a cycle check must see the
     * nesting as it stands).
     */
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
        return memberLists
                .set(caller, List.of(new SyncedMembers(id, listed, inScope)))
                .get(0);
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
