package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.sync.LicenseLoss;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.PendingRemoval;
import org.allot.core.sync.PlannedChange;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunId;
import org.allot.core.sync.SyncRunState;
import org.allot.core.sync.SyncRuns;

public final class InMemorySyncRuns implements SyncRuns {
    private final Map<SyncRunId, SyncRun> runs = new LinkedHashMap<>();
    private final Map<SyncRunId, List<SyncError>> errors = new LinkedHashMap<>();
    private final Map<SyncRunId, List<PendingDeletion>> pending = new LinkedHashMap<>();
    private final Map<SyncRunId, List<PendingRemoval>> removals = new LinkedHashMap<>();
    private final Map<SyncRunId, List<LicenseLoss>> losses = new LinkedHashMap<>();
    private final Map<SyncRunId, List<PlannedChange>> planned = new LinkedHashMap<>();

    @Override
    public synchronized void add(SyncRun run) {
        runs.put(run.id(), run);
    }

    @Override
    public synchronized void update(SyncRun run) {
        runs.put(run.id(), run);
    }

    @Override
    public synchronized Optional<SyncRun> find(TenantId tenant, SyncRunId id) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.tenant().equals(tenant));
    }

    @Override
    public synchronized List<SyncRun> recent(TenantId tenant, int limit) {
        return runs.values().stream()
                .filter(r -> r.tenant().equals(tenant))
                .sorted(Comparator.comparing(SyncRun::startedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<SyncRun> inState(TenantId tenant, SyncRunState state) {
        return runs.values().stream()
                .filter(r -> r.tenant().equals(tenant) && r.state() == state)
                .toList();
    }

    @Override
    public synchronized void addErrors(TenantId tenant, SyncRunId run, List<SyncError> more) {
        errors.computeIfAbsent(run, r -> new ArrayList<>()).addAll(more);
    }

    @Override
    public synchronized List<SyncError> errors(TenantId tenant, SyncRunId run, int limit) {
        return errors.getOrDefault(run, List.of()).stream().limit(limit).toList();
    }

    @Override
    public synchronized void addPendingDeletions(TenantId tenant, SyncRunId run, List<PendingDeletion> deletions) {
        pending.computeIfAbsent(run, r -> new ArrayList<>()).addAll(deletions);
    }

    @Override
    public synchronized List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId run, int limit) {
        return pending.getOrDefault(run, List.of()).stream().limit(limit).toList();
    }

    @Override
    public synchronized void addHeldChanges(
            TenantId tenant, SyncRunId run, List<PendingRemoval> held, List<LicenseLoss> lost) {
        removals.computeIfAbsent(run, r -> new ArrayList<>()).addAll(held);
        losses.computeIfAbsent(run, r -> new ArrayList<>()).addAll(lost);
    }

    @Override
    public synchronized List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId run, int limit) {
        return removals.getOrDefault(run, List.of()).stream()
                .sorted(Comparator.comparing(PendingRemoval::groupName).thenComparing(PendingRemoval::memberName))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId run, int limit) {
        return losses.getOrDefault(run, List.of()).stream()
                .sorted(Comparator.comparing(LicenseLoss::userPrincipalName).thenComparing(LicenseLoss::product))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void addPlannedChanges(TenantId tenant, SyncRunId run, List<PlannedChange> changes) {
        planned.computeIfAbsent(run, r -> new ArrayList<>()).addAll(changes);
    }

    @Override
    public synchronized List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId run, int limit) {
        return planned.getOrDefault(run, List.of()).stream()
                .sorted(Comparator.comparing((PlannedChange c) -> c.kind())
                        .thenComparing(PlannedChange::action)
                        .thenComparing(c -> String.valueOf(c.name())))
                .limit(limit)
                .toList();
    }
}
