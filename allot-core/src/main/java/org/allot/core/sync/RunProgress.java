package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allot.core.Transactions;

/**
 * Writes a run's counts and its new object errors as it goes, so the admin center shows progress and a run that
 * stops midway keeps what it found. A run keeps at most {@link SyncSettings#errorsKept()} errors; it counts all.
 */
final class RunProgress {
    private final SyncRuns runs;
    private final Transactions transactions;
    private final SyncSettings settings;

    RunProgress(SyncRuns runs, Transactions transactions, SyncSettings settings) {
        this.runs = Objects.requireNonNull(runs);
        this.transactions = Objects.requireNonNull(transactions);
        this.settings = Objects.requireNonNull(settings);
    }

    void save(RunContext run) {
        run.record = save(run.record, run.tally, run.errorsSaved);
        run.errorsSaved += Math.min(run.tally.unsaved.size(), Math.max(0, settings.errorsKept() - run.errorsSaved));
        run.tally.unsaved.clear();
    }

    /** Saves the record with the tally's counts and the errors there is still room for; returns the record. */
    SyncRun save(SyncRun record, RunContext.Tally tally, int errorsSaved) {
        int room = Math.max(0, settings.errorsKept() - errorsSaved);
        List<SyncError> errors = new ArrayList<>(tally.unsaved.subList(0, Math.min(room, tally.unsaved.size())));
        SyncRun updated = record.withCounts(tally.counts());
        transactions.run(() -> {
            if (!errors.isEmpty()) {
                runs.addErrors(record.tenant(), record.id(), errors);
            }
            runs.update(updated);
            return null;
        });
        return updated;
    }
}
