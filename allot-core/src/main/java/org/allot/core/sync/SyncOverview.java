package org.allot.core.sync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.Tenants;

/**
 * Read use case: what the pages about directory sync show, each read in one unit of work so that it is one
 * consistent view: the connector with the latest runs, and one run with its errors and the deletions it holds back.
 */
public final class SyncOverview {
    /**
     * The tenant's connector (null: none configured), its latest runs, newest first, and the tenant's policy with the
     * two thresholds over which a run is held for confirmation (null when the tenant is gone).
     */
    public record Status(Connector connector, List<SyncRun> runs, TenantPolicy policy) {
        public Status(Connector connector, List<SyncRun> runs) {
            this(connector, runs, null);
        }

        /** The run someone asked for that has not started yet, if any. */
        public RunRequest requestedRun() {
            return connector == null ? null : connector.requestedRun();
        }
    }

    /**
     * A run, the first of its errors, and, when it is blocked or dry, the first of the deletions and membership
     * removals it holds back (or would make) and of the licenses they would take from users; for a dry run, the first
     * of the objects it would add, update or restore.
     */
    public record RunDetail(
            SyncRun run,
            List<SyncError> errors,
            List<PendingDeletion> deletions,
            List<PendingRemoval> removals,
            List<LicenseLoss> losses,
            List<PlannedChange> changes) {
        /** A run with its errors and nothing held back. */
        public RunDetail(SyncRun run, List<SyncError> errors, List<PendingDeletion> deletions) {
            this(run, errors, deletions, List.of(), List.of(), List.of());
        }
    }

    private final Transactions transactions;
    private final Connectors connectors;
    private final SyncRuns runs;
    private final Tenants tenants;

    public SyncOverview(SyncStores stores) {
        this.transactions = Objects.requireNonNull(stores.transactions());
        this.connectors = stores.connectors();
        this.runs = stores.runs();
        this.tenants = stores.tenants();
    }

    /** The connector and its latest {@code limit} runs. */
    public Status status(TenantId tenant, int limit) {
        return transactions.read(() -> new Status(
                connectors.find(tenant).orElse(null),
                runs.recent(tenant, limit),
                tenants.find(tenant).map(Tenant::policy).orElse(null)));
    }

    /** A run with at most {@code errors} of its errors and {@code deletions} of each list of what it holds back. */
    public Optional<RunDetail> run(TenantId tenant, SyncRunId id, int errors, int deletions) {
        return transactions.read(() -> runs.find(tenant, id).map(run -> {
            boolean held = run.state() == SyncRunState.BLOCKED || run.state().dry();
            return new RunDetail(
                    run,
                    runs.errors(tenant, id, errors),
                    held ? runs.pendingDeletions(tenant, id, deletions) : List.of(),
                    held ? runs.pendingRemovals(tenant, id, deletions) : List.of(),
                    held ? runs.licenseLosses(tenant, id, deletions) : List.of(),
                    run.state().dry() ? runs.plannedChanges(tenant, id, deletions) : List.of());
        }));
    }
}
