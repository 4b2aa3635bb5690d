package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;

/**
 * The users of a tenant against what the engine decides for them from scratch — their direct assignments as stored,
 * and the licenses of the groups they belong to — a chunk at a time in id order. Deleted users are skipped: their
 * licenses stay frozen until they are restored or purged. Assignments left behind by users who no longer exist are
 * reported, and a repair removes them.
 */
final class UserCheck {
    private final Reconciler reconciler;
    private final LicenseCheckRecomputation recomputation;
    private final TenantLocks locks;
    private final Assignments assignments;
    private final Memberships memberships;
    private final AuditLog audit;

    UserCheck(
            Reconciler reconciler,
            LicenseCheckRecomputation recomputation,
            TenantLocks locks,
            Assignments assignments,
            Memberships memberships,
            AuditLog audit) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.recomputation = Objects.requireNonNull(recomputation);
        this.locks = Objects.requireNonNull(locks);
        this.assignments = Objects.requireNonNull(assignments);
        this.memberships = Objects.requireNonNull(memberships);
        this.audit = Objects.requireNonNull(audit);
    }

    /**
     * What one chunk found; {@code next} is the last user it covered, or null when it reached the end; {@code seats}
     * what it counted of the seats (a dry run's).
     */
    record Result(List<LicenseDifference> differences, int users, UserId next, SeatTally seats) {
        Result(List<LicenseDifference> differences, int users, UserId next) {
            this(differences, users, next, null);
        }
    }

    /**
     * Reads the chunk's users, then their assignments and the groups they belong to, each in one range, without locks
     * (the caller runs it in one consistent read); evaluates each user against a snapshot of the seat figures, and
     * writes nothing.
     */
    Result dryRun(Caller caller, UserId after, int limit) {
        Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(caller.tenant(), after, limit);
        UserId next = next(chunk, limit);
        Examined examined = new Examined(reconciler.beginSnapshot(caller));
        compare(examined, chunk, after, next);
        return examined.result(next);
    }

    /** The users after {@code after} in ranges of about {@code size} users, as many as a multiple of {@code parts}. */
    List<UserRange> ranges(TenantId tenant, UserId after, int size, int parts) {
        int count = assignments.countSubjects(tenant, new UserRange(after, null));
        int ranges = Math.max(1, (count + size - 1) / size);
        return UserRange.split(after, (ranges + parts - 1) / parts * parts);
    }

    /**
     * A dry run of the users of a range, as {@link #dryRun} does a chunk, in one read (the caller runs it in one
     * consistent read), counting the seats they hold and wait for: the range at once when it holds at most twice
     * {@code size} users, as a range of random ids about {@code size} users wide does; otherwise {@code size} users at
     * a time.
     */
    Result examine(Caller caller, UserRange range, int size) {
        TenantId tenant = caller.tenant();
        Examined examined = new Examined(reconciler.beginSnapshot(caller));
        Optional<Map<UserId, LicenseSubject>> whole = assignments.subjectsIn(tenant, range, 2 * size);
        if (whole.isPresent()) {
            compare(examined, whole.get(), range.after(), range.last());
            return examined.result(range.last());
        }
        UserId from = range.after();
        while (true) {
            Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(tenant, from, size);
            boolean full = chunk.size() == size;
            chunk.keySet().removeIf(id -> !range.contains(id));
            UserId last = full && chunk.size() == size ? next(chunk, size) : range.last();
            compare(examined, chunk, from, last);
            if (Objects.equals(last, range.last())) {
                return examined.result(range.last());
            }
            from = last;
        }
    }

    /** What a dry run found so far in one unit of work. */
    private static final class Examined {
        final Reconciler.Work work;
        final List<LicenseDifference> found = new ArrayList<>();
        final SeatTally.Counter seats = new SeatTally.Counter();
        int users;

        Examined(Reconciler.Work work) {
            this.work = work;
        }

        Result result(UserId next) {
            PoolBook book = work.context.pools();
            return new Result(
                    found,
                    users,
                    next,
                    seats.tally(
                            work.ledger.figuresRead(),
                            book,
                            book.isEmpty() ? Map.of() : work.ledger.poolFiguresRead()));
        }
    }

    /**
     * The users of a chunk (those after {@code after} and at most {@code last}), read with their assignments and
     * groups: the differences of living users from what the engine decides, and the assignments of users who no
     * longer exist; and the seats they hold and wait for.
     */
    private void compare(Examined examined, Map<UserId, LicenseSubject> chunk, UserId after, UserId last) {
        TenantId tenant = examined.work.tenant();
        Map<UserId, List<LicenseAssignment>> stored = assignments.between(tenant, after, last);
        Map<UserId, Map<GroupId, Boolean>> groups = memberships.groupsOfUsersBetween(tenant, after, last);
        List<LicenseCheckRecomputation.AsRead> living = new ArrayList<>(chunk.size());
        int withAssignments = 0;
        for (LicenseSubject subject : chunk.values()) {
            List<LicenseAssignment> rows = stored.get(subject.id());
            if (rows == null) {
                rows = List.of();
            } else {
                withAssignments++;
                examined.seats.count(subject, rows);
            }
            if (!subject.deleted()) {
                living.add(new LicenseCheckRecomputation.AsRead(
                        subject, rows, groups.getOrDefault(subject.id(), Map.of())));
            }
        }
        examined.users += living.size();
        examined.found.addAll(compare(examined.work, recomputation.recompute(examined.work, living, groups), false));
        if (withAssignments < stored.size()) {
            orphans(stored, chunk)
                    .forEach((user, rows) -> examined.found.addAll(LicenseComparison.orphaned(user, rows, false)));
        }
    }

    /**
     * Locks the chunk's living users (after the tenant's licensing lock, shared), gives each exactly its direct
     * licenses and those of the groups it belongs to, read under the lock, and writes what differs through the
     * engine, with a "Repair license state" audit record per user; removes the assignments of users who do not exist.
     */
    Result repair(Caller caller, UserId after, int limit) {
        TenantId tenant = caller.tenant();
        locks.share(tenant);
        Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(tenant, after, limit);
        UserId next = next(chunk, limit);
        Map<UserId, List<LicenseAssignment>> orphans = orphans(assignments.between(tenant, after, next), chunk);
        Map<UserId, LicenseSubject> living = living(chunk);
        TreeSet<UserId> users = new TreeSet<>(living.keySet());
        users.addAll(orphans.keySet());
        Reconciler.Work work = reconciler.begin(caller, Activity.REPAIR_LICENSE_STATE);
        Reconciler.Batch batch = reconciler.reinherit(work, new ArrayList<>(users));
        orphans.keySet().removeAll(batch.after().keySet());
        List<LicenseDifference> found = compare(work, batch, true);
        orphans.forEach((user, rows) -> found.addAll(LicenseComparison.orphaned(user, rows, true)));
        reconciler.commit(work, withoutOrphans(onlyDifferences(batch), orphans));
        reconciler.finish(work);
        auditOrphans(work, orphans);
        return new Result(found, living.size(), next);
    }

    /**
     * The differences of the users whose evaluated assignments are not those stored, in id order: the engine leaves
     * every other user's assignments as they are (evaluating again changes nothing), so only those are compared.
     */
    private static List<LicenseDifference> compare(Reconciler.Work work, Reconciler.Batch batch, boolean repaired) {
        TreeSet<UserId> touched = new TreeSet<>();
        batch.added().forEach(a -> touched.add(a.user()));
        batch.changed().forEach(a -> touched.add(a.user()));
        batch.removed().forEach(k -> touched.add(k.user()));
        List<LicenseDifference> found = new ArrayList<>();
        for (UserId id : touched) {
            UserLicenses after = batch.after().get(id);
            if (!after.subject().deleted()) {
                for (LicenseDifference d :
                        LicenseComparison.between(batch.before().get(id), after, work.context.catalog())) {
                    found.add(repaired ? d.asRepaired() : d);
                }
            }
        }
        return found;
    }

    /**
     * The batch without changes a repair may not make: an assignment whose sources, disabled plans, state and error
     * are as stored keeps its reason and times.
     */
    private static Reconciler.Batch onlyDifferences(Reconciler.Batch batch) {
        List<LicenseAssignment> changed = batch.changed().stream()
                .filter(a -> LicenseComparison.differs(
                        batch.before().get(a.user()).find(a.sku(), a.source()).orElseThrow(), a))
                .toList();
        return new Reconciler.Batch(batch.before(), batch.after(), batch.added(), changed, batch.removed());
    }

    private static Reconciler.Batch withoutOrphans(
            Reconciler.Batch batch, Map<UserId, List<LicenseAssignment>> orphans) {
        List<LicenseAssignment.Key> removed = new ArrayList<>(batch.removed());
        orphans.values().forEach(rows -> rows.forEach(a -> removed.add(a.key())));
        return new Reconciler.Batch(batch.before(), batch.after(), batch.added(), batch.changed(), removed);
    }

    private void auditOrphans(Reconciler.Work work, Map<UserId, List<LicenseAssignment>> orphans) {
        orphans.forEach((user, rows) -> audit.append(AuditEvent.of(
                work.caller,
                work.context.now(),
                Activity.REPAIR_LICENSE_STATE,
                AuditTarget.user(user, null),
                LicenseComparison.removedOrphans(rows, work.context.catalog()))));
    }

    /** The assignments of users the chunk does not have: users who no longer exist. */
    private static Map<UserId, List<LicenseAssignment>> orphans(
            Map<UserId, List<LicenseAssignment>> stored, Map<UserId, LicenseSubject> chunk) {
        TreeSet<UserId> missing = new TreeSet<>();
        stored.keySet().forEach(user -> {
            if (!chunk.containsKey(user)) {
                missing.add(user);
            }
        });
        Map<UserId, List<LicenseAssignment>> orphans = new LinkedHashMap<>();
        missing.forEach(user -> orphans.put(user, stored.get(user)));
        return orphans;
    }

    private static Map<UserId, LicenseSubject> living(Map<UserId, LicenseSubject> chunk) {
        Map<UserId, LicenseSubject> living = new LinkedHashMap<>();
        chunk.forEach((id, subject) -> {
            if (!subject.deleted()) {
                living.put(id, subject);
            }
        });
        return living;
    }

    /** The last user of a full chunk, where the next one starts; null when the chunk reached the end. */
    private static UserId next(Map<UserId, LicenseSubject> chunk, int limit) {
        if (chunk.size() < limit) {
            return null;
        }
        UserId last = null;
        for (UserId id : chunk.keySet()) {
            last = id;
        }
        return last;
    }
}
