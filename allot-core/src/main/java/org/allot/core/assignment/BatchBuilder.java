package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.UserId;

/**
 * Gathers a {@link Reconciler.Batch}: each user's assignments before and after evaluation, and the rows to add, change
 * and remove that take the one to the other.
 */
final class BatchBuilder {
    private final Map<UserId, UserLicenses> before = new LinkedHashMap<>();
    private final Map<UserId, UserLicenses> after = new LinkedHashMap<>();
    private final List<LicenseAssignment> added = new ArrayList<>();
    private final List<LicenseAssignment> changed = new ArrayList<>();
    private final List<LicenseAssignment.Key> removed = new ArrayList<>();

    /** Whether the batch already has this user. */
    boolean has(UserId id) {
        return before.containsKey(id);
    }

    /** Adds a user whose stored assignments ({@code rows}) the engine evaluated to {@code evaluated}. */
    void add(LicenseSubject subject, List<LicenseAssignment> rows, List<LicenseAssignment> evaluated) {
        diff(rows, evaluated);
        before.put(subject.id(), new UserLicenses(subject, rows));
        after.put(subject.id(), new UserLicenses(subject, evaluated));
    }

    /** {@link #add}, keeping the user's licenses before and after only when some row differs. */
    void addIfDifferent(LicenseSubject subject, List<LicenseAssignment> rows, List<LicenseAssignment> evaluated) {
        int differences = added.size() + changed.size() + removed.size();
        diff(rows, evaluated);
        if (added.size() + changed.size() + removed.size() > differences) {
            before.put(subject.id(), new UserLicenses(subject, rows));
            after.put(subject.id(), new UserLicenses(subject, evaluated));
        }
    }

    Reconciler.Batch build() {
        return new Reconciler.Batch(before, after, added, changed, removed);
    }

    private void diff(List<LicenseAssignment> rows, List<LicenseAssignment> evaluated) {
        Map<LicenseAssignment.Key, LicenseAssignment> old = new HashMap<>();
        rows.forEach(a -> old.put(a.key(), a));
        for (LicenseAssignment a : evaluated) {
            LicenseAssignment previous = old.remove(a.key());
            if (previous == null) {
                added.add(a);
            } else if (!a.equals(previous)) {
                changed.add(a);
            }
        }
        removed.addAll(old.keySet());
    }
}
