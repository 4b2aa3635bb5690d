package org.allot.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.Words;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.Tenants;

/**
 * Hybrid identity: a tenant's connector to its on-premises directory, runs that bring its users and groups over (on
 * a schedule or on demand), and the record of those runs. Each method is its own unit of work, or several: call it
 * outside any.
 */
public final class DirectorySync {
    /** Who starts scheduled runs. */
    public static final Actor SCHEDULE = Actor.system("directory sync schedule");

    private final Tenants tenants;
    private final Connectors connectors;
    private final SyncRuns runs;
    private final Secrets secrets;
    private final SyncLocks locks;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final SyncRunner runner;
    private final DeletionPhase deletions;
    private final MembershipPhase memberships;
    private final RunProgress progress;
    private final ConnectionTesting testing;

    /**
     * A sync over {@code stores}, reading {@code onPremises} and writing into {@code directory}, audited in
     * {@code audit}.
     */
    public DirectorySync(
            SyncStores stores,
            OnPremisesDirectory onPremises,
            CloudDirectory directory,
            AuditLog audit,
            Clock clock,
            SyncSettings settings) {
        this.tenants = stores.tenants();
        this.connectors = stores.connectors();
        this.runs = stores.runs();
        this.secrets = onPremises.secrets();
        this.locks = stores.locks();
        this.transactions = stores.transactions();
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        SyncPhases phases = SyncPhases.of(stores, directory, Objects.requireNonNull(settings));
        this.progress = phases.progress();
        this.deletions = phases.deletions();
        this.memberships = phases.memberships();
        this.runner = new SyncRunner(stores, onPremises, audit, clock, settings, phases);
        this.testing = new ConnectionTesting(connectors, onPremises, transactions, audit, clock);
    }

    /** Creates or replaces the tenant's connector. The password is sealed for storage and never read back. */
    public Outcome<Connector> configure(Caller caller, ConnectorRequest request) {
        Outcome<ConnectorSettings> checked = testing.checked(request);
        if (!checked.isDone()) {
            return Outcome.refused(checked.rejection());
        }
        ConnectorSettings settings = checked.value();
        TenantId tenant = caller.tenant();
        return transactions.run(() -> {
            if (tenants.find(tenant).isEmpty()) {
                return Outcome.refused(Rejection.notFound(tenant));
            }
            Optional<Connector> current = connectors.find(tenant);
            boolean stored = connectors.sealedPassword(tenant).isPresent();
            String sealed = null;
            if (request.password() != null && !request.password().isEmpty()) {
                Outcome<String> seal = secrets.seal(tenant, request.password());
                if (!seal.isDone()) {
                    return Outcome.refused(seal.rejection());
                }
                sealed = seal.value();
            } else if (settings.bindDn() != null && !stored) {
                return Outcome.refused(Rejection.invalid("A password is needed to bind as %s.", settings.bindDn()));
            }
            Instant now = clock.instant();
            Connector connector = new Connector(
                    tenant,
                    settings,
                    sealed != null || stored,
                    current.map(Connector::createdAt).orElse(now),
                    now,
                    current.map(Connector::requestedRun).orElse(null));
            connectors.save(connector, sealed);
            audit.append(AuditEvent.of(
                    caller,
                    now,
                    Activity.SET_SYNC_CONNECTOR,
                    AuditTarget.other("DirectorySyncConnector", tenant, settings.url()),
                    ConnectorChanges.of(current.map(Connector::settings).orElse(null), settings, sealed != null)));
            return Outcome.done(connector);
        });
    }

    /** The tenant's connector, without its password. */
    public Optional<Connector> connector(TenantId tenant) {
        return transactions.run(() -> connectors.find(tenant));
    }

    /** Tests the stored connector: DNS, TCP, TLS, bind, base DNs and filters, each reported; audited. */
    public Outcome<ConnectionReport> testConnection(Caller caller) {
        return testing.testSaved(caller);
    }

    /**
     * Tests settings before they are saved. Without a password typed, the saved one is used, but only against the
     * saved connector's target ({@link ConnectorSettings#sameTarget}): sent anywhere else it would be handed to
     * whoever answers there, in clear on plain LDAP. Every test is audited (where it went, which password — never the
     * password itself — and how far it got), and so is a test refused for want of a password.
     */
    public Outcome<ConnectionReport> testConnection(Caller caller, ConnectorRequest request) {
        return testing.test(caller, request);
    }

    /**
     * Runs a sync now and returns its record once it ends: delta when possible, full when {@code full} or needed.
     * Refused when no connector is configured or a run is under way.
     */
    public Outcome<SyncRun> runNow(Caller caller, boolean full) {
        return runner.run(caller.tenant(), SyncTrigger.MANUAL, caller.actor().displayName(), full);
    }

    /**
     * A preview of a connector change: a dry run of the next sync with the request's settings, not saved. It reads the
     * directory, works out what the run would add, update, delete, which memberships of licensed groups it would remove
     * and which licenses users would lose, records that as a run in state {@link SyncRunState#PREVIEW} (read its lists
     * as a blocked run's, and {@link #plannedChanges}), and applies nothing. Without a password typed, the saved one is
     * used only against the saved connector's target, as for {@link #testConnection(Caller, ConnectorRequest)}.
     * Refused while a run is under way.
     */
    public Outcome<SyncRun> preview(Caller caller, ConnectorRequest request) {
        Outcome<ConnectorSettings> checked = testing.checked(request);
        if (!checked.isDone()) {
            return Outcome.refused(checked.rejection());
        }
        ConnectorSettings settings = checked.value();
        if (transactions.run(() -> tenants.find(caller.tenant())).isEmpty()) {
            return Outcome.refused(Rejection.notFound(caller.tenant()));
        }
        return testing.passwordFor(caller.tenant(), request, settings)
                .flatMap(password ->
                        runner.preview(caller.tenant(), caller.actor().displayName(), settings, password));
    }

    /**
     * Asks for a run by the next server free to do it (within the scheduler's poll interval), and returns at once:
     * the connector with its {@link Connector#requestedRun() requested run}. A full read when {@code full}.
     */
    public Outcome<Connector> requestRun(Caller caller, boolean full) {
        return transactions.run(() -> {
            if (connectors.find(caller.tenant()).isEmpty()) {
                return Outcome.refused(SyncRunner.noConnector());
            }
            connectors.requestRun(
                    caller.tenant(), clock.instant(), caller.actor().displayName(), full);
            return Outcome.done(connectors.find(caller.tenant()).orElseThrow());
        });
    }

    /**
     * The tenants whose sync the scheduler is to start now, in the order to start them: every run someone asked for
     * (earliest first), then every enabled connector that has not started a run for {@code interval} (longest waiting
     * first). Each is then run by {@link #runScheduled}.
     */
    public List<DueSync> due(Duration interval) {
        Instant cutoff = clock.instant().minus(interval);
        return transactions.run(() -> connectors.due(cutoff));
    }

    /**
     * A run started by the server's scheduler: because the connector's interval has passed ({@code request} null), or
     * because someone asked for it with {@link #requestRun}.
     */
    public Outcome<SyncRun> runScheduled(TenantId tenant, RunRequest request) {
        return request == null
                ? runner.run(tenant, SyncTrigger.SCHEDULED, SCHEDULE.displayName(), false)
                : runner.run(tenant, SyncTrigger.MANUAL, request.requestedBy(), request.full());
    }

    /** Why a run in this state cannot be confirmed, and what to do instead. */
    private static String notConfirmable(SyncRunState state) {
        return switch (state) {
            case SUPERSEDED -> "A later run replaced this one: confirm the latest blocked run instead.";
            case PREVIEW ->
                "A preview applies nothing and cannot be confirmed: save the connector with the settings"
                        + " previewed and let a run apply them.";
            case STAGED ->
                "A run in staging mode applies nothing and cannot be confirmed: switch staging off on the"
                        + " connector and the next run applies (over the thresholds, it is held for confirmation).";
            default -> "Only a blocked run can be confirmed; this one is " + state + " and holds nothing back.";
        };
    }

    /**
     * Carries out what a blocked run held back: its deletions and its removals of licensed groups' memberships. Only
     * the latest blocked run can be confirmed.
     */
    public Outcome<SyncRun> confirm(Caller caller, SyncRunId id) {
        Optional<SyncLocks.Lock> lock = locks.tryLock(caller.tenant());
        if (lock.isEmpty()) {
            return Outcome.refused(SyncRunner.alreadyRunning());
        }
        try (SyncLocks.Lock held = lock.get()) {
            Optional<SyncRun> found = run(caller.tenant(), id);
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(id));
            }
            SyncRun run = found.get();
            if (run.state() != SyncRunState.BLOCKED) {
                return Outcome.refused(Rejection.of(ErrorCode.CONFLICT, notConfirmable(run.state())));
            }
            List<PendingDeletion> pending =
                    transactions.run(() -> runs.pendingDeletions(caller.tenant(), id, Integer.MAX_VALUE));
            List<PendingRemoval> removals =
                    transactions.run(() -> runs.pendingRemovals(caller.tenant(), id, Integer.MAX_VALUE));
            transactions.run(() -> {
                audit.append(AuditEvent.of(
                        caller,
                        clock.instant(),
                        Activity.CONFIRM_SYNC_DELETIONS,
                        SyncRunner.target(run),
                        List.of(
                                PropertyChange.of("Deletions", null, pending.size()),
                                PropertyChange.of("Membership removals", null, removals.size()),
                                PropertyChange.of("Users losing a license", null, run.usersLosingLicenses()))));
                return null;
            });
            RunContext.Tally tally = RunContext.Tally.of(run.counts());
            Caller sync = caller.as(Actor.DIRECTORY_SYNC);
            int removed = memberships.carryOut(sync, removals, tally);
            int deleted = deletions.carryOut(sync, pending, tally);
            SyncRun confirmed = progress.save(run, tally, run.counts().errors())
                    .withHeld(0, 0)
                    .finish(
                            SyncRunState.CONFIRMED,
                            run.finishedAt(),
                            0,
                            "Confirmed by " + caller.actor().displayName() + ": " + deleted + " deleted"
                                    + (removed == 0
                                            ? ""
                                            : ", " + Words.counted(removed, "membership", "memberships") + " removed")
                                    + ".");
            transactions.run(() -> {
                runs.update(confirmed);
                return null;
            });
            return Outcome.done(confirmed);
        }
    }

    /** The latest runs, newest first. */
    public List<SyncRun> runs(TenantId tenant, int limit) {
        return transactions.run(() -> runs.recent(tenant, limit));
    }

    public Optional<SyncRun> run(TenantId tenant, SyncRunId id) {
        return transactions.run(() -> runs.find(tenant, id));
    }

    /** The objects a run could not bring over, and why, in the order it met them. */
    public List<SyncError> errors(TenantId tenant, SyncRunId id, int limit) {
        return transactions.run(() -> runs.errors(tenant, id, limit));
    }

    /** What a blocked run would delete once confirmed. */
    public List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId id, int limit) {
        return transactions.run(() -> runs.pendingDeletions(tenant, id, limit));
    }

    /** The memberships of licensed groups a blocked run would remove once confirmed. */
    public List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId id, int limit) {
        return transactions.run(() -> runs.pendingRemovals(tenant, id, limit));
    }

    /** Which users would lose which licenses if a blocked run were confirmed. */
    public List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId id, int limit) {
        return transactions.run(() -> runs.licenseLosses(tenant, id, limit));
    }

    /** What a dry run (a preview, or a run in staging mode) would add, update or restore. */
    public List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId id, int limit) {
        return transactions.run(() -> runs.plannedChanges(tenant, id, limit));
    }
}
