package org.allot.core.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the runs of the license check, and the differences each found. */
public interface LicenseChecks {
    /**
     * Serialises starting runs of the tenant until the unit of work ends, across every server sharing the storage, so
     * that a tenant never has two runs under way and the schedule starts one run per interval.
     */
    void lock(TenantId tenant);

    void add(LicenseCheckRun run);

    void update(LicenseCheckRun run);

    Optional<LicenseCheckRun> find(TenantId tenant, LicenseCheckRunId id);

    /** The tenant's run that is queued or running, if any. */
    Optional<LicenseCheckRun> underWay(TenantId tenant);

    /** When the tenant's latest run (only repairs when {@code repairsOnly}) was asked for; empty if never. */
    Optional<Instant> lastRequested(TenantId tenant, boolean repairsOnly);

    /** The tenant's runs, newest first: {@code limit} of them after skipping {@code skip}. */
    List<LicenseCheckRun> recent(TenantId tenant, int skip, int limit);

    /** Appends differences to a run's list, after those it has. */
    void addDifferences(TenantId tenant, LicenseCheckRunId run, List<LicenseDifference> differences);

    /**
     * A run's differences, those of seat figures first, each kind in the order they were found: {@code limit} of them
     * after skipping {@code skip}.
     */
    List<LicenseDifference> differences(TenantId tenant, LicenseCheckRunId run, int skip, int limit);
}
