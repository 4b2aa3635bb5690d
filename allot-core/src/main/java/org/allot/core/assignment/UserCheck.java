package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserId;

/**
 * The users of a tenant against what the engine decides for them from scratch — their direct assignments as stored,
 * and the licenses of the groups they belong to — a chunk at a time in id order. Deleted users are skipped: their
 * licenses stay frozen until they are restored or purged.
 */
final class UserCheck {
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Assignments assignments;

    UserCheck(Reconciler reconciler, TenantLocks locks, Assignments assignments) {
        this.reconciler = Objects.requireNonNull(reconciler);
        this.locks = Objects.requireNonNull(locks);
        this.assignments = Objects.requireNonNull(assignments);
    }

    /** What one chunk found; {@code next} is the last user it covered, or null when it reached the end. */
    record Result(List<LicenseDifference> differences, int users, UserId next) {}

    /**
     * Reads the chunk's users, their assignments, memberships and group licenses without locks (the caller runs it
     * in one consistent read), evaluates each user against a snapshot of the seat figures, and writes nothing.
     */
    Result dryRun(Caller caller, UserId after, int limit) {
        Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(caller.tenant(), after, limit);
        Map<UserId, LicenseSubject> living = living(chunk);
        Reconciler.Work work = reconciler.beginSnapshot(caller);
        Reconciler.Batch batch = reconciler.recompute(work, living);
        return new Result(compare(work, batch, false), living.size(), next(chunk, limit));
    }

    /**
     * Locks the chunk's living users (after the tenant's licensing lock, shared), gives each exactly its direct
     * licenses and those of the groups it belongs to, read under the lock, and writes what differs through the
     * engine, with a "Repair license state" audit record per user.
     */
    Result repair(Caller caller, UserId after, int limit) {
        TenantId tenant = caller.tenant();
        locks.share(tenant);
        Map<UserId, LicenseSubject> chunk = assignments.subjectsAfter(tenant, after, limit);
        Map<UserId, LicenseSubject> living = living(chunk);
        Reconciler.Work work = reconciler.begin(caller, Activity.REPAIR_LICENSE_STATE);
        Reconciler.Batch batch = reconciler.reinherit(work, new ArrayList<>(living.keySet()));
        List<LicenseDifference> found = compare(work, batch, true);
        reconciler.commit(work, onlyDifferences(batch));
        reconciler.finish(work);
        return new Result(found, living.size(), next(chunk, limit));
    }

    private static List<LicenseDifference> compare(Reconciler.Work work, Reconciler.Batch batch, boolean repaired) {
        List<LicenseDifference> found = new ArrayList<>();
        batch.after().forEach((id, after) -> {
            if (!after.subject().deleted()) {
                for (LicenseDifference d :
                        LicenseComparison.between(batch.before().get(id), after, work.context.catalog())) {
                    found.add(repaired ? d.asRepaired() : d);
                }
            }
        });
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

    private static Map<UserId, LicenseSubject> living(Map<UserId, LicenseSubject> chunk) {
        Map<UserId, LicenseSubject> living = new LinkedHashMap<>();
        chunk.forEach((id, subject) -> {
            if (!subject.deleted()) {
                living.put(id, subject);
            }
        });
        return living;
    }

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
