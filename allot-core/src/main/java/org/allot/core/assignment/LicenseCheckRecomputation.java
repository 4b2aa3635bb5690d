package org.allot.core.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/**
 * The license check's read path: what {@link Recomputation#reinherit} would decide for users as the check read them,
 * without locking or writing anything, asking the engine once per shape of user whose licenses stay as they are
 * ({@link UnchangedOutcomes}).
 */
final class LicenseCheckRecomputation {
    private final Inheritance inheritance;
    private final LicensingEngine engine = new LicensingEngine();

    LicenseCheckRecomputation(Inheritance inheritance) {
        this.inheritance = Objects.requireNonNull(inheritance);
    }

    /** A living user as a license check read them: with their stored assignments and the groups they belong to. */
    record AsRead(LicenseSubject subject, List<LicenseAssignment> assignments, Map<GroupId, Boolean> groups) {}

    /**
     * What {@link Recomputation#reinherit} would decide for these users, given their assignments and the groups they
     * belong to as read (without locks) by the caller ({@code groups}: all of them, by user), against the seat figures
     * of a {@link Reconciler#beginSnapshot snapshot} unit of work: nothing is locked or written. The license check
     * compares it with what is stored. The batch holds the users whose assignments would change; the engine leaves
     * the others as they are.
     */
    Reconciler.Batch recompute(Reconciler.Work work, List<AsRead> users, Map<UserId, Map<GroupId, Boolean>> groups) {
        Change change = inheritance.ofMany(work.tenant(), work.context.policy(), groups);
        UnchangedOutcomes known = new UnchangedOutcomes();
        BatchBuilder batch = new BatchBuilder();
        for (AsRead user : users) {
            LicenseSubject subject = user.subject();
            List<LicenseAssignment> rows = user.assignments();
            Object signature = known.signatureOf(subject, rows, user.groups());
            if (known.knownUnchanged(signature)) {
                continue;
            }
            List<LicenseAssignment> wanted = work.context.wanted(subject, rows, change);
            int writes = work.ledger.writes();
            List<LicenseAssignment> evaluated = engine.evaluate(subject, rows, wanted, work.context, work.ledger);
            if (writes == work.ledger.writes() && unchanged(rows, wanted) && unchanged(rows, evaluated)) {
                known.rememberUnchanged(signature);
                continue;
            }
            batch.addIfDifferent(subject, rows, evaluated);
        }
        return batch.build();
    }

    private static boolean unchanged(List<LicenseAssignment> before, List<LicenseAssignment> after) {
        return before.size() == after.size() && new HashSet<>(before).equals(new HashSet<>(after));
    }
}
