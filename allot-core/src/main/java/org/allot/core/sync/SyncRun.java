package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * One run of a tenant's directory sync, as the admin center lists it.
 *
 * @param mode null until the run has reached the directory and decided
 * @param pendingDeletions how many deletions a blocked run holds back for confirmation
 * @param message what went wrong, why the run is blocked, or who confirmed it; null when there is nothing to say
 * @param requestedBy who started it: the schedule, or the administrator who asked
 */
public record SyncRun(
        SyncRunId id,
        TenantId tenant,
        SyncTrigger trigger,
        SyncMode mode,
        SyncRunState state,
        Instant startedAt,
        Instant finishedAt,
        SyncCounts counts,
        int pendingDeletions,
        String message,
        String requestedBy) {

    public SyncRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    public static SyncRun started(TenantId tenant, SyncTrigger trigger, String requestedBy, Instant now) {
        return new SyncRun(
                SyncRunId.random(),
                tenant,
                trigger,
                null,
                SyncRunState.RUNNING,
                now,
                null,
                SyncCounts.NONE,
                0,
                null,
                requestedBy);
    }

    public SyncRun withMode(SyncMode value) {
        return new SyncRun(
                id,
                tenant,
                trigger,
                value,
                state,
                startedAt,
                finishedAt,
                counts,
                pendingDeletions,
                message,
                requestedBy);
    }

    public SyncRun withCounts(SyncCounts value) {
        return new SyncRun(
                id, tenant, trigger, mode, state, startedAt, finishedAt, value, pendingDeletions, message, requestedBy);
    }

    /** The run in a final state, finished at {@code at}. */
    public SyncRun finish(SyncRunState value, Instant at, int pending, String why) {
        return new SyncRun(id, tenant, trigger, mode, value, startedAt, at, counts, pending, why, requestedBy);
    }
}
