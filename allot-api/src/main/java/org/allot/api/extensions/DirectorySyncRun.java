package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * One run of a tenant's directory sync.
 *
 * @param trigger {@code SCHEDULED} or {@code MANUAL}
 * @param mode {@code FULL} or {@code DELTA}; absent until the run has reached the directory
 * @param state {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code BLOCKED}, {@code CONFIRMED},
 *     {@code SUPERSEDED} or {@code INTERRUPTED}; for dry runs, which apply nothing, {@code PREVIEW} (a preview of
 *     connector settings not saved) or {@code STAGED} (a run of a connector in staging mode)
 * @param pendingDeletions how many deletions a blocked run holds back until it is confirmed (a dry run: would make)
 * @param pendingRemovals how many memberships of licensed groups a blocked run holds back until it is confirmed (a
 *     dry run: would remove)
 * @param usersLosingLicenses how many users would lose a license if a blocked run were confirmed (or a dry run
 *     applied)
 * @param message why it failed or is blocked, who confirmed it, or what a dry run would do
 */
public record DirectorySyncRun(
        String id,
        String trigger,
        String mode,
        String state,
        OffsetDateTime startedDateTime,
        OffsetDateTime finishedDateTime,
        String requestedBy,
        Integer added,
        Integer updated,
        Integer deleted,
        Integer unchanged,
        Integer errors,
        Integer pendingDeletions,
        Integer pendingRemovals,
        Integer usersLosingLicenses,
        String message) {}
