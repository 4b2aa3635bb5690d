package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.MembershipChange;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.SyncedMembers;
import org.allot.core.directory.UserId;

/**
 * Gives each group read in the run the members its member list names, a few groups per unit of work, once every
 * user and group exists. Members outside the connector's scope are no members in Allot; members that left the scope keep
 * their memberships until their own deletion. Licensing follows through the directory's listener.
 */
final class MembershipPhase {
    static final int GROUPS_PER_UNIT = 100;
    static final int MEMBERS_PER_UNIT = 5_000;

    private final GroupDirectory groups;
    private final Memberships memberships;
    private final Transactions transactions;
    private final RunProgress progress;

    MembershipPhase(GroupDirectory groups, Memberships memberships, Transactions transactions, RunProgress progress) {
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.transactions = Objects.requireNonNull(transactions);
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * Sets the members of every group read, but for the removals {@code held} holds back (none unless the run is
     * blocked): those members stay until an administrator confirms the run. Groups go {@value #GROUPS_PER_UNIT} at a
     * time, or fewer when their lists are long ({@value #MEMBERS_PER_UNIT} members listed), one unit of work each.
     */
    void run(RunContext run, LicenseImpact.Impact held) {
        run(run, held, listed -> true);
    }

    /**
     * The same for the groups read in the run that list one of {@code users} (immutable ids): their members set again
     * once those users were written late in the run.
     */
    void runFor(RunContext run, LicenseImpact.Impact held, Set<String> users) {
        Set<UUID> ids = new HashSet<>();
        users.forEach(user -> run.synced(user).ifPresent(ref -> ids.add(ref.id())));
        if (!ids.isEmpty()) {
            run(run, held, listed -> listed.stream().anyMatch(m -> ids.contains(LicenseImpact.idOf(m))));
        }
    }

    private void run(RunContext run, LicenseImpact.Impact held, Predicate<Set<Member>> which) {
        List<Listed> unit = new ArrayList<>();
        int members = 0;
        for (Map.Entry<String, List<String>> list : run.memberLists.entrySet()) {
            String groupId = list.getKey();
            SyncedRef group = run.synced(groupId)
                    .filter(ref -> ref.kind() == ObjectKind.GROUP)
                    .orElse(null);
            if (group == null) {
                continue;
            }
            Set<Member> listed = SyncPlanner.members(list.getValue(), run::resolve);
            if (!which.test(listed)) {
                continue;
            }
            List<String> dangling = run.dangling.getOrDefault(groupId, List.of());
            // a value that names nothing may be a member renamed without the group being updated: none goes
            Predicate<Member> inScope = member ->
                    dangling.isEmpty() && run.inScope(LicenseImpact.idOf(member)) && !held.removes(group.id(), member);
            unit.add(new Listed(
                    groupId, dangling, new SyncedMembers(new GroupId(group.id()), listed, inScope), group.name()));
            members += listed.size();
            if (unit.size() >= GROUPS_PER_UNIT || members >= MEMBERS_PER_UNIT) {
                write(run, unit);
                unit.clear();
                members = 0;
            }
        }
        write(run, unit);
        progress.save(run);
    }

    /** One group's members as listed, with what its report needs. */
    private record Listed(String groupId, List<String> dangling, SyncedMembers members, String name) {}

    /**
     * Sets the members of a few groups in one unit of work (a single group shares the tenant's licensing lock, several
     * hold it alone), then reports each.
     */
    private void write(RunContext run, List<Listed> unit) {
        if (unit.isEmpty()) {
            return;
        }
        List<SyncedMembers> lists = unit.stream().map(Listed::members).toList();
        List<Outcome<MembershipChange>> changes = unit.size() == 1
                ? List.of(transactions.run(() -> groups.setSyncedMembers(
                        run.caller,
                        lists.get(0).group(),
                        lists.get(0).listed(),
                        lists.get(0).inScope())))
                : transactions.run(() -> groups.setSyncedMembers(run.caller, lists));
        for (int i = 0; i < unit.size(); i++) {
            report(run, unit.get(i), changes.get(i));
        }
        progress.save(run);
    }

    private static void report(RunContext run, Listed group, Outcome<MembershipChange> change) {
        String groupId = group.groupId();
        String dn = run.groupDns.getOrDefault(groupId, group.name());
        if (!group.dangling().isEmpty()) {
            run.tally.error(new SyncError(ObjectKind.GROUP, dn, groupId, dangling(group.dangling())));
        }
        if (!change.isDone()) {
            run.tally.error(new SyncError(
                    ObjectKind.GROUP, dn, groupId, change.rejection().message()));
            return;
        }
        if (change.value().changed()) {
            run.membersChanged(groupId);
        }
        change.value()
                .refused()
                .forEach((member, why) -> run.tally.error(new SyncError(
                        ObjectKind.GROUP,
                        dn,
                        groupId,
                        "Member " + describe(run, member) + " was not added: " + why + ".")));
    }

    /**
     * Carries out the removals a blocked run held back, one group per unit of work; returns how many memberships
     * went. Members the group no longer has are passed over.
     */
    int carryOut(Caller caller, List<PendingRemoval> removals, RunContext.Tally tally) {
        Map<UUID, Set<Member>> byGroup = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (PendingRemoval r : removals) {
            byGroup.computeIfAbsent(r.groupId(), g -> new HashSet<>())
                    .add(
                            r.memberKind() == ObjectKind.USER
                                    ? Member.user(new UserId(r.memberId()))
                                    : Member.group(new GroupId(r.memberId())));
            names.putIfAbsent(r.groupId(), r.groupName());
        }
        int removed = 0;
        for (Map.Entry<UUID, Set<Member>> group : byGroup.entrySet()) {
            GroupId id = new GroupId(group.getKey());
            Set<Member> leaving = group.getValue();
            Outcome<MembershipChange> change = transactions.run(() -> {
                Set<Member> kept = new HashSet<>(memberships.directMembers(caller.tenant(), id));
                kept.removeAll(leaving);
                return groups.setSyncedMembers(caller, id, kept, leaving::contains);
            });
            if (change.isDone()) {
                removed += change.value().removed().size();
                if (change.value().changed()) {
                    tally.updated++;
                }
            } else if (change.rejection().code() != ErrorCode.NOT_FOUND) {
                tally.error(new SyncError(
                        ObjectKind.GROUP,
                        Objects.requireNonNullElse(names.get(group.getKey()), id.toString()),
                        null,
                        "Its members were not removed: " + change.rejection().message()));
            }
        }
        return removed;
    }

    /** Why a group with dangling member values kept its members. */
    static String dangling(List<String> values) {
        int shown = Math.min(values.size(), 5);
        return String.format(
                java.util.Locale.ROOT,
                "%d member value%s name%s no entry of the directory: %s%s (renamed or deleted without the group"
                        + " being updated, or hidden from the bind account?). The group kept all its members in this"
                        + " run; correct or remove the value%s in the directory and the next run that reads the group"
                        + " makes its removals.",
                values.size(),
                values.size() == 1 ? "" : "s",
                values.size() == 1 ? "s" : "",
                String.join("; ", values.subList(0, shown)),
                values.size() > shown ? "; …" : "",
                values.size() == 1 ? "" : "s");
    }

    private static String describe(RunContext run, Member member) {
        java.util.UUID id = member instanceof Member.OfUser user
                ? user.id().value()
                : ((Member.OfGroup) member).id().value();
        return run.immutableIdOf(id)
                .flatMap(run::synced)
                .map(SyncedRef::name)
                .orElse(member instanceof Member.OfUser ? new UserId(id).toString() : id.toString());
    }
}
