package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;

/**
 * Brings users, then groups, over from the directory a page at a time, each page one unit of work: read, match by
 * immutable id, then add, restore, update or leave alone. Remembers each group's member list for the membership
 * phase.
 */
final class ObjectPhase {
    private final SyncedObjects synced;
    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Memberships memberships;
    private final Transactions transactions;
    private final SyncSettings settings;
    private final RunProgress progress;

    ObjectPhase(
            SyncedObjects synced,
            UserDirectory users,
            GroupDirectory groups,
            Memberships memberships,
            Transactions transactions,
            SyncSettings settings,
            RunProgress progress) {
        this.synced = Objects.requireNonNull(synced);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.memberships = Objects.requireNonNull(memberships);
        this.transactions = Objects.requireNonNull(transactions);
        this.settings = Objects.requireNonNull(settings);
        this.progress = Objects.requireNonNull(progress);
    }

    void run(RunContext run) {
        for (ObjectKind kind : ObjectKind.values()) {
            run.session.read(kind, run.decision.since(), page -> apply(run, kind, page));
            catchUp(run, kind);
        }
        if (run.delta()) {
            readGroupsOfEntered(run);
        }
    }

    /** Objects in scope that Allot lacks or has deleted and the run has not read (new in scope, or failed before). */
    private void catchUp(RunContext run, ObjectKind kind) {
        List<String> missing = run.scope.get(kind).keySet().stream()
                .filter(id -> !run.seen.contains(id))
                .filter(id -> run.synced(id).map(SyncedRef::deleted).orElse(true))
                .toList();
        for (int i = 0; i < missing.size(); i += settings.batchSize()) {
            List<String> chunk = missing.subList(i, Math.min(missing.size(), i + settings.batchSize()));
            apply(run, kind, run.session.readByIds(kind, chunk));
        }
    }

    private void apply(RunContext run, ObjectKind kind, List<DirectoryEntry> page) {
        if (kind == ObjectKind.USER) {
            applyUsers(run, page);
        } else {
            applyGroups(run, page);
        }
        progress.save(run);
    }

    private void applyUsers(RunContext run, List<DirectoryEntry> page) {
        Map<String, DirectoryEntry> entries = new HashMap<>();
        List<SyncPlanner.Mapped<SyncedUser>> mapped = map(run, ObjectKind.USER, page, run.mapper::user, entries);
        if (mapped.isEmpty()) {
            return;
        }
        Batch batch = transactions.run(() -> writeUsers(run, mapped, entries));
        record(run, batch, entries);
        if (run.delta()) {
            batch.restored.forEach(run.restored::add);
        }
    }

    private Batch writeUsers(
            RunContext run, List<SyncPlanner.Mapped<SyncedUser>> mapped, Map<String, DirectoryEntry> entries) {
        Map<String, User> existing = synced.usersByImmutableId(run.tenant, ids(mapped));
        SyncPlanner.UserPlan plan = SyncPlanner.users(mapped, existing);
        Batch batch = new Batch(plan.unchanged(), plan.errors());
        Set<UserId> updated = new HashSet<>();
        for (UserId id : plan.restored()) {
            Outcome<User> restored = users.restore(run.caller, id);
            User user = restored.isDone() ? restored.value() : null;
            String immutableId = existingId(existing, id);
            if (user == null) {
                batch.errors.add(error(ObjectKind.USER, entries.get(immutableId), immutableId, restored));
                continue;
            }
            updated.add(id);
            batch.refs.add(ref(user));
            batch.entered.add(immutableId);
            batch.restored.add(id.value());
        }
        List<Outcome<User>> created = users.provisionSynced(run.caller, plan.added());
        for (int i = 0; i < created.size(); i++) {
            String immutableId = plan.added().get(i).immutableId();
            Outcome<User> user = created.get(i);
            if (user.isDone()) {
                batch.added++;
                batch.refs.add(ref(user.value()));
                batch.entered.add(immutableId);
            } else {
                batch.errors.add(error(ObjectKind.USER, entries.get(immutableId), immutableId, user));
            }
        }
        users.updateSynced(run.caller, plan.updated()).forEach((id, user) -> {
            String immutableId = plan.updated().get(id).immutableId();
            if (user.isDone()) {
                updated.add(id);
                batch.refs.add(ref(user.value()));
            } else {
                batch.errors.add(error(ObjectKind.USER, entries.get(immutableId), immutableId, user));
            }
        });
        batch.updated = updated.size();
        return batch;
    }

    private void applyGroups(RunContext run, List<DirectoryEntry> page) {
        Map<String, DirectoryEntry> entries = new HashMap<>();
        List<SyncPlanner.Mapped<SyncedGroup>> mapped = map(run, ObjectKind.GROUP, page, run.mapper::group, entries);
        if (mapped.isEmpty()) {
            return;
        }
        Batch batch = transactions.run(() -> writeGroups(run, mapped, entries));
        record(run, batch, entries);
        run.unchangedGroups.addAll(batch.unchangedIds);
        for (SyncPlanner.Mapped<SyncedGroup> group : mapped) {
            if (group.value().isDone()) {
                DirectoryEntry entry = entries.get(group.immutableId());
                run.memberLists.put(group.immutableId(), entry.members());
                run.groupDns.put(group.immutableId(), entry.dn());
            }
        }
    }

    private Batch writeGroups(
            RunContext run, List<SyncPlanner.Mapped<SyncedGroup>> mapped, Map<String, DirectoryEntry> entries) {
        Map<String, Group> existing = synced.groupsByImmutableId(run.tenant, ids(mapped));
        SyncPlanner.GroupPlan plan = SyncPlanner.groups(mapped, existing);
        Batch batch = new Batch(plan.unchanged(), plan.errors());
        for (SyncedGroup added : plan.added()) {
            Outcome<Group> group = groups.provisionSynced(run.caller, added);
            if (group.isDone()) {
                batch.added++;
                batch.refs.add(ref(group.value()));
                batch.entered.add(added.immutableId());
            } else {
                batch.errors.add(error(ObjectKind.GROUP, entries.get(added.immutableId()), added.immutableId(), group));
            }
        }
        for (Map.Entry<GroupId, SyncedGroup> change : plan.updated().entrySet()) {
            Outcome<Group> group = groups.updateSynced(run.caller, change.getKey(), change.getValue());
            String immutableId = change.getValue().immutableId();
            if (group.isDone()) {
                batch.updated++;
                batch.refs.add(ref(group.value()));
            } else {
                batch.errors.add(error(ObjectKind.GROUP, entries.get(immutableId), immutableId, group));
            }
        }
        existing.forEach((id, group) -> {
            if (!plan.updated().containsKey(group.id())) {
                batch.unchangedIds.add(id);
            }
        });
        return batch;
    }

    /** Counts what a committed page did and remembers the objects it wrote (and, in a delta, those that entered). */
    private static void record(RunContext run, Batch batch, Map<String, DirectoryEntry> entries) {
        run.tally.added += batch.added;
        run.tally.updated += batch.updated;
        run.tally.unchanged += batch.unchanged;
        run.tally.errors(batch.errors);
        batch.refs.forEach(run::remember);
        if (run.delta()) {
            batch.entered.forEach(id -> run.entered.add(entries.get(id).dn()));
        }
    }

    /**
     * Delta runs read again the groups that list the objects they added or restored (which entered the scope with
     * memberships the directory did not change), and those Allot has the restored users in.
     */
    private void readGroupsOfEntered(RunContext run) {
        if (run.entered.isEmpty()) {
            return;
        }
        List<DirectoryEntry> found = new ArrayList<>();
        if (run.entered.size() > settings.batchSize()) {
            run.session.read(ObjectKind.GROUP, null, found::addAll);
        } else {
            run.entered.forEach(dn -> found.addAll(run.session.groupsWithMember(dn)));
            List<String> ids = transactions
                    .run(() -> memberships.groupsOfUsers(
                            run.tenant, run.restored.stream().map(UserId::new).toList()))
                    .values()
                    .stream()
                    .flatMap(groupsOf -> groupsOf.entrySet().stream())
                    .filter(Map.Entry::getValue)
                    .map(e -> run.immutableIdOf(e.getKey().value()))
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .toList();
            if (!ids.isEmpty()) {
                found.addAll(run.session.readByIds(ObjectKind.GROUP, ids));
            }
        }
        for (DirectoryEntry entry : found) {
            run.mapper.immutableId(entry).ifPresent(id -> {
                run.read(entry.key(), id);
                run.memberLists.putIfAbsent(id, entry.members());
                run.groupDns.putIfAbsent(id, entry.dn());
            });
        }
    }

    /** Maps a page, leaving out entries already read in this run; remembers each entry by immutable id. */
    private static <T> List<SyncPlanner.Mapped<T>> map(
            RunContext run,
            ObjectKind kind,
            List<DirectoryEntry> page,
            Function<DirectoryEntry, Outcome<T>> mapper,
            Map<String, DirectoryEntry> entries) {
        List<SyncPlanner.Mapped<T>> mapped = new ArrayList<>();
        for (DirectoryEntry entry : page) {
            String id = run.mapper.immutableId(entry).orElse(null);
            if (id != null) {
                if (!run.seen.add(id)) {
                    continue;
                }
                run.read(entry.key(), id);
                entries.put(id, entry);
            }
            mapped.add(new SyncPlanner.Mapped<>(kind, entry.dn(), id, mapper.apply(entry)));
        }
        return mapped;
    }

    private static List<String> ids(List<? extends SyncPlanner.Mapped<?>> mapped) {
        return mapped.stream()
                .map(SyncPlanner.Mapped::immutableId)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String existingId(Map<String, User> existing, UserId id) {
        return existing.entrySet().stream()
                .filter(e -> e.getValue().id().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static SyncError error(ObjectKind kind, DirectoryEntry entry, String immutableId, Outcome<?> refused) {
        return new SyncError(
                kind,
                entry == null ? "" : entry.dn(),
                immutableId,
                refused.rejection().message());
    }

    static SyncedRef ref(User user) {
        return new SyncedRef(
                ObjectKind.USER,
                user.id().value(),
                user.onPremisesImmutableId(),
                user.userPrincipalName(),
                user.isDeleted());
    }

    static SyncedRef ref(Group group) {
        return new SyncedRef(
                ObjectKind.GROUP, group.id().value(), group.onPremisesImmutableId(), group.displayName(), false);
    }

    /** What one page's unit of work did; made inside it, applied to the run after it commits. */
    private static final class Batch {
        int added;
        int updated;
        final int unchanged;
        final List<SyncError> errors;
        final List<SyncedRef> refs = new ArrayList<>();
        final List<String> entered = new ArrayList<>();
        final List<UUID> restored = new ArrayList<>();
        final List<String> unchangedIds = new ArrayList<>();

        Batch(int unchanged, List<SyncError> errors) {
            this.unchanged = unchanged;
            this.errors = new ArrayList<>(errors);
        }
    }
}
