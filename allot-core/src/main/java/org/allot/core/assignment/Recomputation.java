package org.allot.core.assignment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.directory.UserId;

/**
 * Works out, with the engine, what a change makes of users' assignments within a unit of work, locking the users (or
 * taking them as locked by the caller) and the seat figures the result touches; nothing is written here.
 */
final class Recomputation {
    private final Assignments assignments;
    private final Inheritance inheritance;
    private final LicensingEngine engine = new LicensingEngine();

    Recomputation(Assignments assignments, Inheritance inheritance) {
        this.assignments = Objects.requireNonNull(assignments);
        this.inheritance = Objects.requireNonNull(inheritance);
    }

    /**
     * Locks the users, then gives each exactly the licenses of the licensed groups they belong to (besides their
     * direct ones), with memberships and group licenses read once the users are locked: a concurrent change to the
     * same users has either committed, and is seen, or waits for this one to end.
     */
    Reconciler.Batch reinherit(Reconciler.Work work, Collection<UserId> users) {
        Map<UserId, LicenseSubject> subjects = assignments.lock(work.tenant(), users);
        Change change = inheritance.of(work.tenant(), work.context.policy(), subjects.keySet());
        return evaluate(work, subjects, users, change);
    }

    /**
     * Locks the users and evaluates the change for each of them; unknown users are skipped. The seat figures the
     * batch will touch are found by a first evaluation against unlocked figures and then locked together, in SKU
     * order, so that concurrent units of work always lock users first and SKUs in one order.
     */
    Reconciler.Batch evaluate(Reconciler.Work work, Collection<UserId> users, Change change) {
        return evaluate(work, assignments.lock(work.tenant(), users), users, change);
    }

    /** {@link #evaluate(Reconciler.Work, Collection, Change)} for users already locked ({@code subjects}). */
    Reconciler.Batch evaluate(
            Reconciler.Work work, Map<UserId, LicenseSubject> subjects, Collection<UserId> users, Change change) {
        Map<UserId, List<LicenseAssignment>> current = assignments.of(work.tenant(), subjects.keySet());
        Map<UserId, List<LicenseAssignment>> wantedByUser = new LinkedHashMap<>();
        for (UserId id : users) {
            LicenseSubject subject = subjects.get(id);
            if (subject != null && !wantedByUser.containsKey(id)) {
                List<LicenseAssignment> rows = current.getOrDefault(id, List.of());
                wantedByUser.put(
                        id,
                        subject.deleted() && change != Changes.REMOVE_ALL
                                ? rows
                                : work.context.wanted(subject, rows, change));
            }
        }
        SeatLedger probe = work.ledger.probe();
        Map<UserId, List<LicenseAssignment>> evaluated = new LinkedHashMap<>();
        wantedByUser.forEach((id, wanted) -> evaluated.put(
                id,
                engine.evaluate(subjects.get(id), current.getOrDefault(id, List.of()), wanted, work.context, probe)));
        work.ledger.lockAll(probe.touched());
        if (work.ledger.adopt(probe)) {
            // the locked figures are those the probe started from: its evaluation is the one (a fan-out's chunk runs
            // the engine once per user instead of twice)
            return batchOf(subjects, current, evaluated);
        }
        return decide(work, subjects, current, users, change);
    }

    private static Reconciler.Batch batchOf(
            Map<UserId, LicenseSubject> subjects,
            Map<UserId, List<LicenseAssignment>> current,
            Map<UserId, List<LicenseAssignment>> evaluated) {
        BatchBuilder batch = new BatchBuilder();
        evaluated.forEach((id, licenses) -> batch.add(subjects.get(id), current.getOrDefault(id, List.of()), licenses));
        return batch.build();
    }

    /**
     * Evaluates the change, once, for users the caller has locked and read with their assignments ({@code current};
     * users without any left out): for a {@link Reconciler#beginDeferred deferred} unit of work, which locks its seat
     * rows only when it settles.
     */
    Reconciler.Batch evaluateLocked(
            Reconciler.Work work,
            Map<UserId, LicenseSubject> subjects,
            Map<UserId, List<LicenseAssignment>> current,
            Change change) {
        return decide(work, subjects, current, subjects.keySet(), change);
    }

    /** {@link #reinherit} for users the caller has locked and read ({@code subjects}), with their assignments read now. */
    Reconciler.Batch reinheritLocked(Reconciler.Work work, Map<UserId, LicenseSubject> subjects) {
        Map<UserId, List<LicenseAssignment>> current = assignments.of(work.tenant(), subjects.keySet());
        Change change = inheritance.of(work.tenant(), work.context.policy(), subjects.keySet());
        return evaluateLocked(work, subjects, current, change);
    }

    /** {@link #reinheritLocked(Reconciler.Work, Map)} for users read by {@link Reconciler#lockWithLicensing}. */
    Reconciler.Batch reinheritLocked(Reconciler.Work work, Assignments.LockedWithLicensing read) {
        Change change = inheritance.of(read.groups(), work.context.policy());
        return evaluateLocked(work, read.locked().subjects(), read.locked().assignments(), change);
    }

    /** Evaluates the change for each user with the engine against the work's seat figures. */
    private Reconciler.Batch decide(
            Reconciler.Work work,
            Map<UserId, LicenseSubject> subjects,
            Map<UserId, List<LicenseAssignment>> current,
            Collection<UserId> users,
            Change change) {
        BatchBuilder batch = new BatchBuilder();
        for (UserId id : users) {
            LicenseSubject subject = subjects.get(id);
            if (subject == null || batch.has(id)) {
                continue;
            }
            List<LicenseAssignment> rows = current.getOrDefault(id, List.of());
            List<LicenseAssignment> wanted = subject.deleted() && change != Changes.REMOVE_ALL
                    ? rows
                    : work.context.wanted(subject, rows, change);
            batch.add(subject, rows, engine.evaluate(subject, rows, wanted, work.context, work.ledger));
        }
        return batch.build();
    }
}
