package org.allot.core.assignment;

import java.time.Instant;
import java.util.Objects;
import org.allot.core.Actor;
import org.allot.core.TenantId;

/**
 * One run of the license check of a tenant: a dry run reports what differs from what the rules say, a repair also
 * brings it in line.
 *
 * @param usersChecked users compared so far (deleted users are skipped: their licenses stay frozen)
 * @param differencesFound differences recorded so far, of users and of seat figures
 * @param differencesRepaired of those, how many were brought in line (none in a dry run)
 * @param message why the run failed; null otherwise
 */
public record LicenseCheckRun(
        LicenseCheckRunId id,
        TenantId tenant,
        boolean dryRun,
        LicenseCheckState state,
        Actor requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        int usersChecked,
        int differencesFound,
        int differencesRepaired,
        String message) {

    public LicenseCheckRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    static LicenseCheckRun queued(TenantId tenant, boolean dryRun, Actor requestedBy, Instant at) {
        return new LicenseCheckRun(
                LicenseCheckRunId.random(),
                tenant,
                dryRun,
                LicenseCheckState.Queued,
                requestedBy,
                at,
                null,
                null,
                0,
                0,
                0,
                null);
    }

    /** Differences found and not repaired: what a dry run found, or what a repair could not bring in line. */
    public int differencesRemaining() {
        return differencesFound - differencesRepaired;
    }

    /** Whether the run ended and left the tenant as the rules say: nothing found, or everything repaired. */
    public boolean consistent() {
        return state == LicenseCheckState.Succeeded && differencesRemaining() == 0;
    }

    LicenseCheckRun started(Instant at) {
        return new LicenseCheckRun(
                id,
                tenant,
                dryRun,
                LicenseCheckState.Running,
                requestedBy,
                requestedAt,
                at,
                null,
                usersChecked,
                differencesFound,
                differencesRepaired,
                null);
    }

    LicenseCheckRun counted(int users, int found, int repaired) {
        return new LicenseCheckRun(
                id,
                tenant,
                dryRun,
                state,
                requestedBy,
                requestedAt,
                startedAt,
                finishedAt,
                usersChecked + users,
                differencesFound + found,
                differencesRepaired + repaired,
                message);
    }

    LicenseCheckRun ended(LicenseCheckState end, Instant at, String why) {
        return new LicenseCheckRun(
                id,
                tenant,
                dryRun,
                end,
                requestedBy,
                requestedAt,
                startedAt,
                at,
                usersChecked,
                differencesFound,
                differencesRepaired,
                why);
    }
}
