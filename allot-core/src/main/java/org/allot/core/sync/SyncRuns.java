package org.allot.core.sync;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/**
 * Port: the record of every run, with its object errors and the deletions a blocked run holds back; dry runs keep the
 * same lists (what they would delete and take away) and the objects they would add or update.
 */
public interface SyncRuns {
    void add(SyncRun run);

    void update(SyncRun run);

    Optional<SyncRun> find(TenantId tenant, SyncRunId id);

    /** The latest runs, newest first. */
    List<SyncRun> recent(TenantId tenant, int limit);

    List<SyncRun> inState(TenantId tenant, SyncRunState state);

    /** Appends errors to a run's list, after those it has. */
    void addErrors(TenantId tenant, SyncRunId run, List<SyncError> errors);

    /** A run's errors in the order they were found. */
    List<SyncError> errors(TenantId tenant, SyncRunId run, int limit);

    void addPendingDeletions(TenantId tenant, SyncRunId run, List<PendingDeletion> deletions);

    List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId run, int limit);

    /** Keeps what a blocked run holds back besides deletions: memberships, and the licenses users would lose. */
    void addHeldChanges(TenantId tenant, SyncRunId run, List<PendingRemoval> removals, List<LicenseLoss> losses);

    /** The memberships a blocked run holds back, by group then member name. */
    List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId run, int limit);

    /** The licenses users would lose if a blocked run were confirmed, by user then product. */
    List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId run, int limit);

    /** Keeps what a dry run would add, update or restore. */
    void addPlannedChanges(TenantId tenant, SyncRunId run, List<PlannedChange> changes);

    /** What a dry run would add, update or restore, by kind (users first), action, then name. */
    List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId run, int limit);
}
