package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Rejection;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;

/**
 * What one page of a dry run's object phase would write, decided as {@link PageWrites} decides it and written
 * nowhere: counted, and listed as {@link PlannedChange}s, in a {@link PageBatch} like the one a page that
 * applies returns (without the objects' references, since none is written).
 */
final class PagePlans {
    private final PageWrites writes;
    private final SyncedObjects synced;

    PagePlans(PageWrites writes, SyncedObjects synced) {
        this.writes = Objects.requireNonNull(writes);
        this.synced = Objects.requireNonNull(synced);
    }

    /** What {@link PageWrites#users} would do to a page of users, counted and listed, without writing anything. */
    PageBatch users(RunContext run, List<SyncPlanner.Mapped<SyncedUser>> mapped, Map<String, DirectoryEntry> entries) {
        PageWrites.UserPage page = writes.plan(run, mapped);
        PageBatch batch = new PageBatch(page.plan().unchanged(), page.plan().errors());
        for (UserId id : page.plan().restored()) {
            String immutableId = PageWrites.existingId(page.existing(), id);
            SyncedUser values = page.updates().get(id);
            batch.plan(
                    ObjectKind.USER,
                    PlannedChange.Action.RESTORE,
                    entries.get(immutableId),
                    immutableId,
                    id.value(),
                    values == null ? userName(page.existing().get(immutableId)) : name(values));
            batch.entered.add(immutableId);
            batch.restored.add(id.value());
        }
        Map<UserId, SyncedUser> changed = new LinkedHashMap<>(page.updates());
        changed.putAll(page.matches());
        List<SyncedUser> written = new ArrayList<>(changed.values());
        written.addAll(page.added());
        Set<String> refused = refused(run, batch, written, entries);
        changed.values().removeIf(user -> refused.contains(user.immutableId()));
        changed.forEach((id, user) -> {
            if (!page.plan().restored().contains(id)) {
                batch.plan(
                        ObjectKind.USER,
                        PlannedChange.Action.UPDATE,
                        entries.get(user.immutableId()),
                        user.immutableId(),
                        id.value(),
                        name(user));
            }
        });
        page.matches().values().stream()
                .filter(user -> !refused.contains(user.immutableId()))
                .forEach(user -> batch.entered.add(user.immutableId()));
        for (SyncedUser user : page.added()) {
            if (refused.contains(user.immutableId())) {
                continue;
            }
            batch.added++;
            batch.plan(
                    ObjectKind.USER,
                    PlannedChange.Action.ADD,
                    entries.get(user.immutableId()),
                    user.immutableId(),
                    null,
                    name(user));
            batch.entered.add(user.immutableId());
        }
        Set<UserId> updated = new HashSet<>(page.plan().restored());
        updated.addAll(changed.keySet());
        batch.updated = updated.size();
        return batch;
    }

    /** What {@link PageWrites#groups} would do to a page of groups, counted and listed, without writing anything. */
    PageBatch groups(
            RunContext run, List<SyncPlanner.Mapped<SyncedGroup>> mapped, Map<String, DirectoryEntry> entries) {
        Map<String, Group> existing = synced.groupsByImmutableId(run.tenant, PageWrites.ids(mapped));
        SyncPlanner.GroupPlan plan = SyncPlanner.groups(mapped, existing);
        PageBatch batch = new PageBatch(plan.unchanged(), plan.errors());
        for (SyncedGroup added : plan.added()) {
            batch.added++;
            batch.plan(
                    ObjectKind.GROUP,
                    PlannedChange.Action.ADD,
                    entries.get(added.immutableId()),
                    added.immutableId(),
                    null,
                    name(added));
            batch.entered.add(added.immutableId());
        }
        plan.updated().forEach((id, group) -> {
            batch.updated++;
            batch.plan(
                    ObjectKind.GROUP,
                    PlannedChange.Action.UPDATE,
                    entries.get(group.immutableId()),
                    group.immutableId(),
                    id.value(),
                    name(group));
        });
        existing.forEach((id, group) -> {
            if (!plan.updated().containsKey(group.id())) {
                batch.unchangedIds.add(id);
            }
        });
        return batch;
    }

    /**
     * The users a run would refuse for their values alone (a value longer than Graph allows, say), listed as the
     * run's errors, as a run lists them: a dry run neither adds nor updates them.
     */
    private Set<String> refused(
            RunContext run, PageBatch batch, List<SyncedUser> users, Map<String, DirectoryEntry> entries) {
        List<Optional<Rejection>> refusals = writes.refusals(run, users);
        Set<String> refused = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            Optional<Rejection> refusal = refusals.get(i);
            if (refusal.isPresent()) {
                String immutableId = users.get(i).immutableId();
                DirectoryEntry entry = entries.get(immutableId);
                refused.add(immutableId);
                batch.errors.add(new SyncError(
                        ObjectKind.USER,
                        entry == null ? "" : entry.dn(),
                        immutableId,
                        refusal.get().message()));
            }
        }
        return refused;
    }

    private static String name(SyncedUser user) {
        Object name = user.values().get(UserAttribute.USER_PRINCIPAL_NAME);
        return name == null ? user.onPremisesUserPrincipalName() : name.toString();
    }

    private static String name(SyncedGroup group) {
        Object name = group.values().get(GroupAttribute.DISPLAY_NAME);
        return name == null ? null : name.toString();
    }

    private static String userName(User user) {
        return user == null ? null : user.userPrincipalName();
    }
}
