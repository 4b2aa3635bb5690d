package org.allot.core.sync;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * One run of a tenant's directory sync, as the admin center lists it.
 *
 * @param mode null until the run has reached the directory and decided
 * @param pendingDeletions how many deletions a blocked run holds back for confirmation
 * @param pendingRemovals how many memberships of licensed groups a blocked run holds back for confirmation
 * @param usersLosingLicenses how many users would lose a license if a blocked run's held-back changes were made
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
        int pendingRemovals,
        int usersLosingLicenses,
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
                0,
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
                pendingRemovals,
                usersLosingLicenses,
                message,
                requestedBy);
    }

    public SyncRun withCounts(SyncCounts value) {
        return new SyncRun(
                id,
                tenant,
                trigger,
                mode,
                state,
                startedAt,
                finishedAt,
                value,
                pendingDeletions,
                pendingRemovals,
                usersLosingLicenses,
                message,
                requestedBy);
    }

    /** The run in a final state, finished at {@code at}, holding back {@code pending} deletions. */
    public SyncRun finish(SyncRunState value, Instant at, int pending, String why) {
        return new SyncRun(
                id,
                tenant,
                trigger,
                mode,
                value,
                startedAt,
                at,
                counts,
                pending,
                pendingRemovals,
                usersLosingLicenses,
                why,
                requestedBy);
    }

    /** The run holding back {@code removals} memberships, which with its deletions would take licenses from users. */
    public SyncRun withHeld(int removals, int usersLosing) {
        return new SyncRun(
                id,
                tenant,
                trigger,
                mode,
                state,
                startedAt,
                finishedAt,
                counts,
                pendingDeletions,
                removals,
                usersLosing,
                message,
                requestedBy);
    }
}
