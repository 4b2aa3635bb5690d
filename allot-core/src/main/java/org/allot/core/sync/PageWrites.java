package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Outcome;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;

/**
 * What one page of the object phase writes, inside its unit of work: the page's objects matched by immutable id, then
 * added, restored, updated or left alone through the directory services; the {@link Batch} it returns is applied to
 * the run once the unit of work commits.
 */
final class PageWrites {
    private final SyncedObjects synced;
    private final UserDirectory users;
    private final GroupDirectory groups;

    PageWrites(SyncedObjects synced, UserDirectory users, GroupDirectory groups) {
        this.synced = Objects.requireNonNull(synced);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
    }

    Batch users(RunContext run, List<SyncPlanner.Mapped<SyncedUser>> mapped, Map<String, DirectoryEntry> entries) {
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

    Batch groups(RunContext run, List<SyncPlanner.Mapped<SyncedGroup>> mapped, Map<String, DirectoryEntry> entries) {
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
    static final class Batch {
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
