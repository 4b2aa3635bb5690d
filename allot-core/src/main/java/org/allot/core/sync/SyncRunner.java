package org.allot.core.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.Tenants;

/**
 * Runs a tenant's sync: one run at a time per tenant, recorded from start to end. Users, then groups, then
 * memberships are brought over; deletions come last and only after the whole scope was read, so a directory that
 * fails midway never causes one. A run leaves its checkpoint only once complete: a run that stops midway is
 * completed by the next, which reads again from the same point. A dry run (a preview of settings not saved, or a run
 * in staging mode) reads and decides the same way and only reports what it would do.
 */
final class SyncRunner {
    private final Tenants tenants;
    private final Connectors connectors;
    private final SyncRuns runs;
    private final SyncedObjects synced;
    private final DirectorySource source;
    private final Secrets secrets;
    private final SyncLocks locks;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final SyncSettings settings;
    private final ObjectPhase objects;
    private final MembershipPhase memberships;
    private final ManagerPhase managers;
    private final LicenseImpact impact;
    private final DeletionPhase deletions;
    private final RunProgress progress;
    private final UnlicensedRemovals unlicensed;
    private final RunEnding ending;

    SyncRunner(
            SyncStores stores,
            OnPremisesDirectory onPremises,
            AuditLog audit,
            Clock clock,
            SyncSettings settings,
            SyncPhases phases) {
        this.tenants = stores.tenants();
        this.connectors = stores.connectors();
        this.runs = stores.runs();
        this.synced = stores.synced();
        this.source = onPremises.source();
        this.secrets = onPremises.secrets();
        this.locks = stores.locks();
        this.transactions = stores.transactions();
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.objects = phases.objects();
        this.memberships = phases.memberships();
        this.managers = phases.managers();
        this.impact = phases.impact();
        this.deletions = phases.deletions();
        this.progress = phases.progress();
        this.unlicensed = phases.unlicensed();
        this.ending = new RunEnding(connectors, runs, audit, clock);
    }

    Outcome<SyncRun> run(TenantId tenant, SyncTrigger trigger, String requestedBy, boolean full) {
        Optional<SyncLocks.Lock> lock = locks.tryLock(tenant);
        if (lock.isEmpty()) {
            return Outcome.refused(alreadyRunning());
        }
        try (SyncLocks.Lock held = lock.get()) {
            Optional<Connector> connector = transactions.run(() -> connectors.find(tenant));
            if (connector.isEmpty()) {
                return Outcome.refused(noConnector());
            }
            ConnectorSettings saved = connector.get().settings();
            return launch(
                    tenant,
                    trigger,
                    requestedBy,
                    new Launch(
                            saved, () -> password(tenant), full, saved.staging() ? SyncRunState.STAGED : null, true));
        }
    }

    /**
     * A dry run of {@code candidate} settings, not saved: the next run as they would make it, worked out and reported
     * (state {@link SyncRunState#PREVIEW}), nothing applied. It leaves the connector's schedule, its run asked for and
     * its checkpoint as they are.
     */
    Outcome<SyncRun> preview(TenantId tenant, String requestedBy, ConnectorSettings candidate, String password) {
        Optional<SyncLocks.Lock> lock = locks.tryLock(tenant);
        if (lock.isEmpty()) {
            return Outcome.refused(alreadyRunning());
        }
        try (SyncLocks.Lock held = lock.get()) {
            return launch(
                    tenant,
                    SyncTrigger.MANUAL,
                    requestedBy,
                    new Launch(candidate, () -> password, false, SyncRunState.PREVIEW, false));
        }
    }

    /**
     * How a run goes: with which settings and password, whether a full read was asked for, the state a dry run ends in
     * (null: the run applies), and whether it counts as the connector's run (for the schedule and a run asked for).
     */
    private record Launch(
            ConnectorSettings settings,
            Supplier<String> password,
            boolean full,
            SyncRunState dryState,
            boolean connectorsRun) {}

    private Outcome<SyncRun> launch(TenantId tenant, SyncTrigger trigger, String requestedBy, Launch launch) {
        SyncRun started = transactions.run(() -> start(tenant, trigger, requestedBy, launch));
        Caller caller = new Caller(tenant, Actor.DIRECTORY_SYNC, "sync-" + started.id());
        try {
            return Outcome.done(execute(caller, started, launch));
        } catch (DirectoryFailure e) {
            return Outcome.done(fail(caller, started, e.getMessage()));
        } catch (RuntimeException e) {
            fail(caller, started, "Allot met an unexpected error and stopped: " + e);
            throw e;
        }
    }

    private SyncRun start(TenantId tenant, SyncTrigger trigger, String requestedBy, Launch launch) {
        Instant now = clock.instant();
        for (SyncRun stale : runs.inState(tenant, SyncRunState.RUNNING)) {
            runs.update(stale.finish(
                    SyncRunState.INTERRUPTED,
                    now,
                    0,
                    "The server running it stopped before it finished; the next run completed its work."));
        }
        SyncRun run = SyncRun.started(tenant, trigger, requestedBy, now);
        runs.add(run);
        if (launch.connectorsRun()) {
            connectors.runStarted(tenant, now);
        }
        audit.append(AuditEvent.of(
                new Caller(tenant, Actor.DIRECTORY_SYNC, "sync-" + run.id()),
                now,
                Activity.START_DIRECTORY_SYNC,
                target(run),
                List.of(PropertyChange.of(
                        "Trigger",
                        null,
                        trigger + (launch.dryState() == null ? "" : " " + launch.dryState()) + " (" + requestedBy
                                + ")"))));
        return run;
    }

    private SyncRun execute(Caller caller, SyncRun started, Launch launch) {
        TenantId tenant = caller.tenant();
        ConnectorSettings settings = launch.settings();
        try (DirectorySession session = source.open(settings, launch.password().get())) {
            Optional<SyncCheckpoint> last = transactions.run(() -> connectors.checkpoint(tenant));
            Optional<Watermark> marker = session.marker();
            DeltaBookkeeping.Decision decision =
                    DeltaBookkeeping.decide(last, settings, marker, started.startedAt(), this.settings, launch.full());
            SyncRun record = started.withMode(decision.mode());
            if (launch.dryState() == null) {
                markChangeUnfinished(tenant, last, settings);
            }
            List<SyncedRef> before = transactions.run(() -> synced.all(tenant));
            RunContext run = new RunContext(
                    record, tenant, caller, settings, session, decision, before, launch.dryState() != null);
            try {
                DeletionCheck.census(
                        run, DeltaBookkeeping.deletionsDue(last, settings, started.startedAt()), clock.instant());
                progress.save(run);
                objects.run(run);
                if (!run.censusTaken) {
                    run.session.censusOf(run.unknownMembers(), run::take);
                }
            } catch (DirectoryFailure e) {
                progress.save(run);
                throw e;
            }
            TenantPolicy policy =
                    transactions.run(() -> tenants.find(tenant)).orElseThrow().policy();
            List<PendingDeletion> leaving =
                    deletions.plan(run, policy.syncDeleteThreshold()).deletions();
            HoldBack hold = new HoldBack(leaving, impact.assess(run, leaving, policy.nestedGroupLicensing()), policy);
            if (run.dry) {
                progress.save(run);
                List<PendingRemoval> unlicensed =
                        this.unlicensed.of(run, hold.impact().licensed());
                return transactions.run(() -> ending.dry(caller, run, hold, unlicensed, launch.dryState()));
            }
            memberships.run(run, hold.blocked() ? hold.impact() : LicenseImpact.Impact.NONE);
            managers.run(run);
            if (!hold.blocked()) {
                deletions.carryOut(caller, hold.deletions(), run.tally);
            }
            Set<String> late = objects.writeAgainWhoseNameWasTaken(run);
            if (!late.isEmpty()) {
                memberships.runFor(run, hold.blocked() ? hold.impact() : LicenseImpact.Impact.NONE, late);
                managers.runFor(run, late);
            }
            progress.save(run);
            Optional<Watermark> next = DeltaBookkeeping.next(
                    settings.deltaStrategy(), marker, run.latestChange, last, settings, run.readAt);
            SyncCheckpoint checkpoint = DeltaBookkeeping.checkpoint(
                    decision, settings, next, last, started.startedAt(), run.readAt, run.deletionsChecked);
            // Held-back removals are found again only by reading the same groups again: the next run starts from
            // the last checkpoint rather than this one.
            boolean keepLast = hold.blocked() && !hold.impact().preview().isEmpty();
            String note =
                    run.deletionsChecked ? null : DeletionCheck.notChecked(settings, this.settings.fullSyncEvery());
            return transactions.run(() -> ending.applied(caller, run.record, hold, keepLast ? null : checkpoint, note));
        }
    }

    /**
     * Before a run applies settings other than the last checkpoint's: it changes objects and memberships page after
     * page (a blocked run also removes the members of groups that give no license), and the checkpoint is only
     * replaced once it completes. Until then the last checkpoint is marked, so that the next run reads everything
     * again even when the connector is put back to the checkpoint's settings: a delta from it would not read the
     * unchanged groups this run emptied.
     */
    private void markChangeUnfinished(TenantId tenant, Optional<SyncCheckpoint> last, ConnectorSettings settings) {
        last.filter(c -> !settings.fingerprint().equals(c.settingsFingerprint()))
                .filter(c -> !SyncCheckpoint.UNFINISHED_CHANGE.equals(c.settingsFingerprint()))
                .ifPresent(c -> transactions.run(() -> {
                    connectors.saveCheckpoint(tenant, c.withUnfinishedChange());
                    return null;
                }));
    }

    private SyncRun fail(Caller caller, SyncRun started, String why) {
        return transactions.run(() -> {
            SyncRun current = runs.find(started.tenant(), started.id()).orElse(started);
            SyncRun failed = current.finish(SyncRunState.FAILED, clock.instant(), 0, why);
            runs.update(failed);
            audit.append(AuditEvent.of(
                    caller, clock.instant(), Activity.FINISH_DIRECTORY_SYNC, target(failed), result(failed)));
            return failed;
        });
    }

    private String password(TenantId tenant) {
        Optional<String> sealed = transactions.run(() -> connectors.sealedPassword(tenant));
        if (sealed.isEmpty()) {
            return null;
        }
        Outcome<String> opened = secrets.open(tenant, sealed.get());
        if (!opened.isDone()) {
            throw new DirectoryFailure(opened.rejection().message());
        }
        return opened.value();
    }

    static AuditTarget target(SyncRun run) {
        return AuditTarget.other("DirectorySyncRun", run.id(), "Directory synchronization");
    }

    static List<PropertyChange> result(SyncRun run) {
        String result = run.state() + ": " + run.counts() + (run.message() == null ? "" : ". " + run.message());
        return List.of(PropertyChange.of("Result", null, result));
    }

    static Rejection alreadyRunning() {
        return Rejection.of(
                ErrorCode.CONFLICT,
                "A directory synchronization is already running for this tenant: try again when it ends.");
    }

    static Rejection noConnector() {
        return Rejection.of(ErrorCode.NOT_FOUND, "No directory connector is configured for this tenant.");
    }
}
