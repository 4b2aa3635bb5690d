package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ActivitySignals;

/**
 * Brings users, then groups, over from the directory a page at a time, each page one unit of work: read, match by
 * immutable id, then add, restore, update or leave alone. Remembers each group's member list for the membership
 * phase. A dry run reads and decides the same way but only counts and lists what it would change.
 */
final class ObjectPhase {
    private final PageWrites writes;
    private final PagePlans plans;
    private final Tenants tenants;
    private final SyncedObjects synced;
    private final Memberships memberships;
    private final Transactions transactions;
    private final SyncSettings settings;
    private final RunProgress progress;

    ObjectPhase(
            Tenants tenants,
            SyncedObjects synced,
            UserDirectory users,
            GroupDirectory groups,
            Memberships memberships,
            ActivitySignals activity,
            Transactions transactions,
            SyncSettings settings,
            RunProgress progress) {
        this.writes = new PageWrites(tenants, synced, users, groups, activity);
        this.plans = new PagePlans(writes, synced);
        this.tenants = tenants;
        this.synced = synced;
        this.memberships = Objects.requireNonNull(memberships);
        this.transactions = Objects.requireNonNull(transactions);
        this.settings = Objects.requireNonNull(settings);
        this.progress = Objects.requireNonNull(progress);
    }

    void run(RunContext run) {
        for (ObjectKind kind : ObjectKind.values()) {
            if (run.censusInRead && kind == ObjectKind.USER) {
                ReadAhead.readAll(run.session, kind, run.mapper, run.mapper::user, page -> {
                    page.items().forEach(run::take);
                    applyUsers(run, page.entries(), page.ids(), page.mapped());
                    progress.save(run);
                });
            } else if (run.censusInRead) {
                ReadAhead.readAll(run.session, kind, run.mapper, run.mapper::group, page -> {
                    page.items().forEach(run::take);
                    applyGroups(run, page.entries(), page.ids(), page.mapped());
                    progress.save(run);
                });
            } else {
                run.session.read(kind, run.decision.since(), page -> apply(run, kind, page));
            }
            catchUp(run, kind);
            if (kind == ObjectKind.USER && run.delta()) {
                readAgainWhoseDomainCame(run);
            }
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

    /**
     * Users on the initial domain whose own domain the tenant verified since: a delta reads them again, unchanged in
     * the directory, so that they get their own principal name now.
     */
    private void readAgainWhoseDomainCame(RunContext run) {
        List<String> waiting = transactions
                .run(() -> tenants.find(run.tenant)
                        .filter(t -> t.initialDomain() != null)
                        .map(t -> synced.awaitingTheirDomain(run.tenant, t.initialDomain(), t.verifiedDomains()))
                        .orElse(List.of()))
                .stream()
                .filter(id -> !run.seen.contains(id))
                .toList();
        for (int i = 0; i < waiting.size(); i += settings.batchSize()) {
            List<String> chunk = waiting.subList(i, Math.min(waiting.size(), i + settings.batchSize()));
            apply(run, ObjectKind.USER, run.session.readByIds(ObjectKind.USER, chunk));
        }
    }

    private void apply(RunContext run, ObjectKind kind, List<DirectoryEntry> page) {
        if (kind == ObjectKind.USER) {
            applyUsers(
                    run,
                    page,
                    ids(run, kind, page),
                    page.stream().map(run.mapper::user).toList());
        } else {
            applyGroups(
                    run,
                    page,
                    ids(run, kind, page),
                    page.stream().map(run.mapper::group).toList());
        }
        progress.save(run);
    }

    private static List<String> ids(RunContext run, ObjectKind kind, List<DirectoryEntry> page) {
        List<String> ids = new ArrayList<>(page.size());
        page.forEach(entry -> ids.add(run.mapper.immutableId(kind, entry).orElse(null)));
        return ids;
    }

    private void applyUsers(
            RunContext run, List<DirectoryEntry> page, List<String> ids, List<Outcome<SyncedUser>> values) {
        Map<String, DirectoryEntry> entries = new HashMap<>();
        List<SyncPlanner.Mapped<SyncedUser>> mapped = map(run, ObjectKind.USER, page, ids, values, entries);
        if (mapped.isEmpty()) {
            return;
        }
        PageBatch batch = run.dry
                ? transactions.read(() -> plans.users(run, mapped, entries))
                : transactions.run(() -> writes.users(run, mapped, entries));
        record(run, batch, entries);
        if (run.delta()) {
            batch.restored.forEach(run.restored::add);
        }
        for (SyncPlanner.Mapped<SyncedUser> user : mapped) {
            if (user.value().isDone() && entries.containsKey(user.immutableId())) {
                run.managers.put(
                        user.immutableId(),
                        entries.get(user.immutableId())
                                .text(AttributeMapping.MANAGER)
                                .orElse(null));
            }
        }
    }

    private void applyGroups(
            RunContext run, List<DirectoryEntry> page, List<String> ids, List<Outcome<SyncedGroup>> values) {
        Map<String, DirectoryEntry> entries = new HashMap<>();
        List<SyncPlanner.Mapped<SyncedGroup>> mapped = map(run, ObjectKind.GROUP, page, ids, values, entries);
        if (mapped.isEmpty()) {
            return;
        }
        PageBatch batch = run.dry
                ? transactions.read(() -> plans.groups(run, mapped, entries))
                : transactions.run(() -> writes.groups(run, mapped, entries));
        record(run, batch, entries);
        run.unchangedGroups.addAll(batch.unchangedIds);
        for (SyncPlanner.Mapped<SyncedGroup> group : mapped) {
            if (group.value().isDone()) {
                DirectoryEntry entry = entries.get(group.immutableId());
                run.memberLists.put(group.immutableId(), entry.members());
                run.groupDns.put(group.immutableId(), entry.dn());
                if (!entry.dangling().isEmpty()) {
                    run.dangling.put(group.immutableId(), entry.dangling());
                }
            }
        }
    }

    /** Counts what a committed page did and remembers the objects it wrote (and, in a delta, those that entered). */
    private static void record(RunContext run, PageBatch batch, Map<String, DirectoryEntry> entries) {
        run.tally.added += batch.added;
        run.tally.updated += batch.updated;
        run.tally.unchanged += batch.unchanged;
        run.tally.errors(batch.errors);
        batch.refs.forEach(run::remember);
        batch.nameTaken.forEach(id -> run.nameTaken.put(id, entries.get(id)));
        run.planned.addAll(batch.planned);
        if (run.delta()) {
            batch.entered.forEach(id -> run.entered.add(entries.get(id).dn()));
        }
    }

    /**
     * Writes again the users whose principal name another user had when the run first wrote them, now that the run's
     * deletions have freed the names they freed: an account deleted and created again with the same name between two
     * runs comes over in the run that sees both. A name still taken is then an error of the run. Returns the immutable
     * ids of the users written again.
     */
    Set<String> writeAgainWhoseNameWasTaken(RunContext run) {
        if (run.nameTaken.isEmpty()) {
            return Set.of();
        }
        List<DirectoryEntry> page = List.copyOf(run.nameTaken.values());
        Set<String> ids = Set.copyOf(run.nameTaken.keySet());
        run.nameTaken.clear();
        run.writingAgain = true;
        ids.forEach(run.seen::remove);
        apply(run, ObjectKind.USER, page);
        return ids;
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
            found.addAll(run.session.groupsWithMembers(run.entered));
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
            run.mapper.immutableId(ObjectKind.GROUP, entry).ifPresent(id -> {
                run.read(entry.key(), id);
                if (run.memberLists.putIfAbsent(id, entry.members()) == null
                        && !entry.dangling().isEmpty()) {
                    run.dangling.put(id, entry.dangling());
                }
                run.groupDns.putIfAbsent(id, entry.dn());
            });
        }
    }

    /**
     * A page with each entry's immutable id and mapped value (in the page's order), leaving out entries already read
     * in this run; remembers each entry by immutable id.
     */
    private static <T> List<SyncPlanner.Mapped<T>> map(
            RunContext run,
            ObjectKind kind,
            List<DirectoryEntry> page,
            List<String> ids,
            List<Outcome<T>> values,
            Map<String, DirectoryEntry> entries) {
        List<SyncPlanner.Mapped<T>> mapped = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            DirectoryEntry entry = page.get(i);
            String id = ids.get(i);
            if (id != null) {
                if (!run.seen.add(id)) {
                    continue;
                }
                run.read(entry.key(), id);
                entries.put(id, entry);
            }
            mapped.add(new SyncPlanner.Mapped<>(kind, entry.dn(), id, values.get(i)));
        }
        return mapped;
    }
}
