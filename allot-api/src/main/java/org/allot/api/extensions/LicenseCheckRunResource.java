package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;
import java.time.OffsetDateTime;

/**
 * One run of a tenant's license check, which recomputes every user's licenses from scratch and compares them, and the
 * seat figures, with what is stored.
 *
 * @param dryRun {@code true}: only reports differences; {@code false}: a repair, which also brings them in line
 * @param state {@code Queued}, {@code Running}, {@code Succeeded} or {@code Failed}
 * @param requestedBy who asked: an administrator, an app, or {@code reconciliation} (the schedule)
 * @param usersChecked users compared so far (deleted users are skipped: their licenses stay frozen)
 * @param differencesFound differences found so far, of users' assignments and of seat figures
 * @param differencesRepaired of those, how many a repair brought in line
 * @param consistent {@code true} once the run has succeeded and nothing is left: nothing found, or all repaired
 * @param message why the run failed
 */
@JsonRootName("LicenseCheckRun")
public record LicenseCheckRunResource(
        String id,
        Boolean dryRun,
        String state,
        String requestedBy,
        OffsetDateTime requestedDateTime,
        OffsetDateTime startedDateTime,
        OffsetDateTime finishedDateTime,
        Integer usersChecked,
        Integer differencesFound,
        Integer differencesRepaired,
        Boolean consistent,
        String message) {}
