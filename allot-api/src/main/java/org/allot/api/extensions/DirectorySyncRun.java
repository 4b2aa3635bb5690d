package org.allot.api.extensions;

import java.time.OffsetDateTime;

/**
 * One run of a tenant's directory sync.
 *
 * @param trigger {@code SCHEDULED} or {@code MANUAL}
 * @param mode {@code FULL} or {@code DELTA}; absent until the run has reached the directory
 * @param state {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code BLOCKED}, {@code CONFIRMED},
 *     {@code SUPERSEDED} or {@code INTERRUPTED}
 * @param pendingDeletions how many deletions a blocked run holds back until it is confirmed
 * @param pendingRemovals how many memberships of licensed groups a blocked run holds back until it is confirmed
 * @param usersLosingLicenses how many users would lose a license if a blocked run were confirmed
 * @param message why it failed or is blocked, or who confirmed it
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
