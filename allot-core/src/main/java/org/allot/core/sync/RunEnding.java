package org.allot.core.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allot.core.Caller;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;

/**
 * How a run that read the whole scope ends, inside the unit of work of its last step: blocked with what it holds
 * back, or succeeded (replacing earlier blocked runs and leaving its checkpoint), or, for a dry run, with what it would
 * have done; audited.
 */
final class RunEnding {
    private final Connectors connectors;
    private final SyncRuns runs;
    private final AuditLog audit;
    private final Clock clock;

    RunEnding(Connectors connectors, SyncRuns runs, AuditLog audit, Clock clock) {
        this.connectors = Objects.requireNonNull(connectors);
        this.runs = Objects.requireNonNull(runs);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A run that applied what it read: blocked over the thresholds, succeeded otherwise; a null checkpoint stays. */
    SyncRun applied(Caller caller, SyncRun record, HoldBack hold, SyncCheckpoint checkpoint) {
        Instant now = clock.instant();
        SyncRun finished;
        if (hold.blocked()) {
            runs.addPendingDeletions(record.tenant(), record.id(), hold.deletions());
            runs.addHeldChanges(
                    record.tenant(),
                    record.id(),
                    hold.impact().preview(),
                    hold.impact().losses());
            finished = record.withHeld(
                            hold.impact().preview().size(), hold.impact().usersLosing())
                    .finish(SyncRunState.BLOCKED, now, hold.deletions().size(), hold.message());
        } else {
            finished = record.finish(SyncRunState.SUCCEEDED, now, 0, null);
        }
        for (SyncRun blocked : runs.inState(record.tenant(), SyncRunState.BLOCKED)) {
            if (!blocked.id().equals(record.id())) {
                runs.update(blocked.finish(
                        SyncRunState.SUPERSEDED,
                        blocked.finishedAt(),
                        blocked.pendingDeletions(),
                        "A later run replaced it: confirm that one's deletions instead."));
            }
        }
        runs.update(finished);
        if (checkpoint != null) {
            connectors.saveCheckpoint(record.tenant(), checkpoint);
        }
        audit.append(AuditEvent.of(
                caller, now, Activity.FINISH_DIRECTORY_SYNC, SyncRunner.target(finished), SyncRunner.result(finished)));
        return finished;
    }

    /**
     * Records what a dry run would do, in the lists a blocked run keeps (deletions, memberships removed — of licensed
     * groups, and the {@code unlicensed} ones a run makes at once — and licenses lost) and the objects it would add or
     * update; leaves the checkpoint and blocked runs as they are.
     */
    SyncRun dry(Caller caller, RunContext run, HoldBack hold, List<PendingRemoval> unlicensed, SyncRunState state) {
        SyncRun record = run.record;
        List<PendingRemoval> removals = new ArrayList<>(hold.impact().preview());
        removals.addAll(unlicensed);
        runs.addPendingDeletions(record.tenant(), record.id(), hold.deletions());
        runs.addHeldChanges(
                record.tenant(), record.id(), removals, hold.impact().losses());
        runs.addPlannedChanges(record.tenant(), record.id(), run.planned);
        Instant now = clock.instant();
        SyncRun finished = record.withHeld(removals.size(), hold.impact().usersLosing())
                .finish(
                        state,
                        now,
                        hold.deletions().size(),
                        hold.dryMessage(state, record.counts(), unlicensed.size()));
        runs.update(finished);
        audit.append(AuditEvent.of(
                caller, now, Activity.FINISH_DIRECTORY_SYNC, SyncRunner.target(finished), SyncRunner.result(finished)));
        return finished;
    }
}
