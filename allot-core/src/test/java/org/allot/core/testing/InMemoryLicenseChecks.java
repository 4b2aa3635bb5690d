package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.LicenseChecks;
import org.allot.core.assignment.LicenseDifference;

/** License check runs in memory; tests run one unit of work at a time, so the lock is not needed. */
public final class InMemoryLicenseChecks implements LicenseChecks {
    private final Map<LicenseCheckRunId, LicenseCheckRun> runs = new LinkedHashMap<>();
    private final Map<LicenseCheckRunId, List<LicenseDifference>> differences = new LinkedHashMap<>();

    @Override
    public void lock(TenantId tenant) {}

    @Override
    public synchronized void add(LicenseCheckRun run) {
        if (underWay(run.tenant()).isPresent()) {
            throw new IllegalStateException("a run of " + run.tenant() + " is under way");
        }
        runs.put(run.id(), run);
    }

    @Override
    public synchronized void update(LicenseCheckRun run) {
        runs.put(run.id(), run);
    }

    @Override
    public synchronized Optional<LicenseCheckRun> find(TenantId tenant, LicenseCheckRunId id) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<LicenseCheckRun> underWay(TenantId tenant) {
        return ofTenant(tenant).filter(r -> r.state().underWay()).findFirst();
    }

    @Override
    public synchronized Optional<Instant> lastRequested(TenantId tenant, boolean repairsOnly) {
        return ofTenant(tenant)
                .filter(r -> !repairsOnly || !r.dryRun())
                .map(LicenseCheckRun::requestedAt)
                .max(Comparator.naturalOrder());
    }

    @Override
    public synchronized List<LicenseCheckRun> recent(TenantId tenant, int skip, int limit) {
        return ofTenant(tenant)
                .sorted(Comparator.comparing(LicenseCheckRun::requestedAt).reversed())
                .skip(skip)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void addDifferences(TenantId tenant, LicenseCheckRunId run, List<LicenseDifference> found) {
        differences.computeIfAbsent(run, r -> new ArrayList<>()).addAll(found);
    }

    @Override
    public synchronized List<LicenseDifference> differences(
            TenantId tenant, LicenseCheckRunId run, int skip, int limit) {
        return find(tenant, run).isEmpty()
                ? List.of()
                : differences.getOrDefault(run, List.of()).stream()
                        .sorted(java.util.Comparator.comparing(d -> d.user() != null))
                        .skip(skip)
                        .limit(limit)
                        .toList();
    }

    private java.util.stream.Stream<LicenseCheckRun> ofTenant(TenantId tenant) {
        return runs.values().stream().filter(r -> r.tenant().equals(tenant));
    }
}
