package org.allot.core.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ActivitySignals;

/**
 * What one page of the object phase writes, inside its unit of work: the page's users named in the tenant
 * ({@link CloudPrincipalNames}), the objects matched by immutable id (synced ones, and cloud users set for a hard
 * match), new users soft-matched to cloud users when the connector allows it, then added, restored, updated, matched
 * or left alone through the directory services; the {@link PageBatch} it returns is applied to the run once the unit of
 * work commits.
 */
final class PageWrites {
    private final Tenants tenants;
    private final SyncedObjects synced;
    private final UserDirectory users;
    private final GroupDirectory groups;
    private final SoftMatch softMatch;
    private final NameHolders holders;
    private final ActivitySignals activity;

    PageWrites(
            Tenants tenants,
            SyncedObjects synced,
            UserDirectory users,
            GroupDirectory groups,
            ActivitySignals activity) {
        this.tenants = Objects.requireNonNull(tenants);
        this.synced = Objects.requireNonNull(synced);
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.softMatch = new SoftMatch(synced);
        this.holders = new NameHolders(synced);
        this.activity = Objects.requireNonNull(activity);
    }

    /**
     * What a page of users would change, decided without writing: the plan against the objects holding the entries'
     * immutable ids, its updates split into synced users updated and cloud users taken over (hard match), and the new
     * users soft-matched to cloud users (left out of {@code added}).
     */
    record UserPage(
            Map<String, User> existing,
            SyncPlanner.UserPlan plan,
            Map<UserId, SyncedUser> updates,
            Map<UserId, SyncedUser> matches,
            List<SyncedUser> added) {}

    UserPage plan(RunContext run, List<SyncPlanner.Mapped<SyncedUser>> mapped) {
        Map<String, User> existing = synced.usersByImmutableId(run.tenant, ids(mapped));
        Tenant tenant = tenants.find(run.tenant).orElse(null);
        List<SyncPlanner.Mapped<SyncedUser>> named = tenant == null ? mapped : named(tenant, mapped, existing);
        SyncPlanner.UserPlan plan = SyncPlanner.users(named, existing);
        Map<UserId, SyncedUser> updates = new LinkedHashMap<>();
        Map<UserId, SyncedUser> matches = new LinkedHashMap<>();
        Set<UserId> cloud = new HashSet<>();
        existing.values().stream().filter(u -> !u.onPremisesSyncEnabled()).forEach(u -> cloud.add(u.id()));
        plan.updated().forEach((id, user) -> (cloud.contains(id) ? matches : updates).put(id, user));
        List<SyncedUser> added = new ArrayList<>(plan.added());
        Map<UserId, SyncedUser> soft = run.settings.softMatch() ? softMatch.match(run.tenant, added) : Map.of();
        matches.putAll(soft);
        return new UserPage(existing, plan, updates, matches, added);
    }

    /** Why writing each user would be refused for its values alone; a dry run's errors (see {@link PagePlans}). */
    List<Optional<Rejection>> refusals(RunContext run, List<SyncedUser> users) {
        return this.users.refusalsOfSynced(run.tenant, users);
    }

    PageBatch users(RunContext run, List<SyncPlanner.Mapped<SyncedUser>> mapped, Map<String, DirectoryEntry> entries) {
        UserPage page = plan(run, mapped);
        Map<String, User> existing = page.existing();
        SyncPlanner.UserPlan plan = page.plan();
        PageBatch batch = new PageBatch(plan.unchanged(), plan.errors());
        Map<UserId, SyncedUser> updates = page.updates();
        Map<UserId, SyncedUser> matches = page.matches();
        List<SyncedUser> added = page.added();
        Set<UserId> updated = new HashSet<>();
        lockAcrossSteps(run, plan.restored(), updates.keySet(), matches.keySet());
        // in id order, as every unit of work locks users (one locked out of order is only tried: see DeletionPhase)
        for (UserId id : plan.restored().stream().sorted().toList()) {
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
        List<Outcome<User>> created = users.provisionSynced(run.caller, added);
        Map<String, UserId> written = new HashMap<>();
        existing.forEach((immutableId, user) -> written.put(immutableId, user.id()));
        matches.forEach((id, user) -> written.put(user.immutableId(), id));
        for (int i = 0; i < created.size(); i++) {
            String immutableId = added.get(i).immutableId();
            Outcome<User> user = created.get(i);
            if (user.isDone()) {
                written.put(immutableId, user.value().id());
                batch.added++;
                batch.refs.add(ref(user.value()));
                batch.entered.add(immutableId);
            } else if (nameTaken(run, user)) {
                // the user that has the name may give it up later in this run (deleted, or renamed in a later page)
                batch.nameTaken.add(immutableId);
                batch.entered.add(immutableId);
            } else {
                batch.errors.add(userError(run, entries, immutableId, user, added.get(i)));
            }
        }
        users.updateSynced(run.caller, updates).forEach((id, user) -> {
            String immutableId = updates.get(id).immutableId();
            if (user.isDone()) {
                updated.add(id);
                batch.refs.add(ref(user.value()));
            } else if (nameTaken(run, user)) {
                batch.nameTaken.add(immutableId);
            } else {
                batch.errors.add(userError(run, entries, immutableId, user, updates.get(id)));
            }
        });
        users.matchSynced(run.caller, matches).forEach((id, user) -> {
            String immutableId = matches.get(id).immutableId();
            if (user.isDone()) {
                updated.add(id);
                batch.refs.add(ref(user.value()));
                batch.entered.add(immutableId);
            } else {
                batch.errors.add(userError(run, entries, immutableId, user, matches.get(id)));
            }
        });
        batch.updated = updated.size();
        recordLogons(run, mapped, entries, written);
        return batch;
    }

    /** Locks the users of the page's restores, updates and matches at once when more than one step has any. */
    private void lockAcrossSteps(RunContext run, Set<UserId> restored, Set<UserId> updates, Set<UserId> matches) {
        List<Set<UserId>> steps = List.of(restored, updates, matches);
        if (steps.stream().filter(s -> !s.isEmpty()).count() > 1) {
            Set<UserId> all = new HashSet<>();
            steps.forEach(all::addAll);
            users.lockSynced(run.caller, all);
        }
    }

    /**
     * The last logon of each of the page's users that the directory reports (and the mapping reads), changed or not:
     * a logon moves on its own, without any other attribute changing.
     */
    private void recordLogons(
            RunContext run,
            List<SyncPlanner.Mapped<SyncedUser>> mapped,
            Map<String, DirectoryEntry> entries,
            Map<String, UserId> written) {
        Map<UserId, Instant> logons = new LinkedHashMap<>();
        for (SyncPlanner.Mapped<SyncedUser> m : mapped) {
            UserId id = m.immutableId() == null ? null : written.get(m.immutableId());
            DirectoryEntry entry = id == null ? null : entries.get(m.immutableId());
            if (entry != null) {
                run.mapper.lastLogon(entry).ifPresent(at -> logons.put(id, at));
            }
        }
        activity.recordLogons(run.tenant, logons);
    }

    /** The page's users with their principal names in the tenant. */
    private static List<SyncPlanner.Mapped<SyncedUser>> named(
            Tenant tenant, List<SyncPlanner.Mapped<SyncedUser>> mapped, Map<String, User> existing) {
        return mapped.stream()
                .map(m -> m.value().isDone()
                        ? new SyncPlanner.Mapped<>(
                                m.kind(),
                                m.dn(),
                                m.immutableId(),
                                Outcome.done(CloudPrincipalNames.apply(
                                        tenant, m.value().value(), existing.get(m.immutableId()))))
                        : m)
                .toList();
    }

    PageBatch groups(
            RunContext run, List<SyncPlanner.Mapped<SyncedGroup>> mapped, Map<String, DirectoryEntry> entries) {
        Map<String, Group> existing = synced.groupsByImmutableId(run.tenant, ids(mapped));
        SyncPlanner.GroupPlan plan = SyncPlanner.groups(mapped, existing);
        PageBatch batch = new PageBatch(plan.unchanged(), plan.errors());
        List<Outcome<Group>> created = groups.provisionSynced(run.caller, plan.added());
        for (int i = 0; i < created.size(); i++) {
            SyncedGroup added = plan.added().get(i);
            Outcome<Group> group = created.get(i);
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

    static List<String> ids(List<? extends SyncPlanner.Mapped<?>> mapped) {
        return mapped.stream()
                .map(SyncPlanner.Mapped::immutableId)
                .filter(Objects::nonNull)
                .toList();
    }

    static String existingId(Map<String, User> existing, UserId id) {
        return existing.entrySet().stream()
                .filter(e -> e.getValue().id().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Whether a user's write was refused because another user has its principal name, the first time the run writes
     * it: that user may give the name up later in the run (an account deleted and created again with the same name,
     * or two users trading names), so the write is tried again after the run's deletions.
     */
    private static boolean nameTaken(RunContext run, Outcome<?> refused) {
        return !run.writingAgain && NameHolders.nameTaken(refused);
    }

    /** A user's refused write as the run records it: with the user that has the name it wanted, when that is why. */
    private SyncError userError(
            RunContext run,
            Map<String, DirectoryEntry> entries,
            String immutableId,
            Outcome<User> refused,
            SyncedUser wanted) {
        return holders.named(
                run.tenant, error(ObjectKind.USER, entries.get(immutableId), immutableId, refused), refused, wanted);
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
                user.isDeleted(),
                user.onPremises().distinguishedName());
    }

    static SyncedRef ref(Group group) {
        return new SyncedRef(
                ObjectKind.GROUP, group.id().value(), group.onPremisesImmutableId(), group.displayName(), false);
    }
}
