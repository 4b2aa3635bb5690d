package org.allot.core.sync;

import java.time.Clock;
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
 * completed by the next, which reads again from the same point.
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
    private final LicenseImpact impact;
    private final DeletionPhase deletions;
    private final RunProgress progress;

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
        this.impact = phases.impact();
        this.deletions = phases.deletions();
        this.progress = phases.progress();
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
            SyncRun started = transactions.run(() -> start(tenant, trigger, requestedBy));
            Caller caller = new Caller(tenant, Actor.DIRECTORY_SYNC, "sync-" + started.id());
            try {
                return Outcome.done(execute(caller, started, connector.get().settings(), full));
            } catch (DirectoryFailure e) {
                return Outcome.done(fail(caller, started, e.getMessage()));
            } catch (RuntimeException e) {
                fail(caller, started, "Allot met an unexpected error and stopped: " + e);
                throw e;
            }
        }
    }

    private SyncRun start(TenantId tenant, SyncTrigger trigger, String requestedBy) {
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
        connectors.runStarted(tenant, now);
        audit.append(AuditEvent.of(
                new Caller(tenant, Actor.DIRECTORY_SYNC, "sync-" + run.id()),
                now,
                Activity.START_DIRECTORY_SYNC,
                target(run),
                List.of(PropertyChange.of("Trigger", null, trigger + " (" + requestedBy + ")"))));
        return run;
    }

    private SyncRun execute(Caller caller, SyncRun started, ConnectorSettings settings, boolean full) {
        TenantId tenant = caller.tenant();
        String password = password(tenant);
        try (DirectorySession session = source.open(settings, password)) {
            Optional<SyncCheckpoint> last = transactions.run(() -> connectors.checkpoint(tenant));
            Optional<Watermark> marker = session.marker();
            DeltaBookkeeping.Decision decision =
                    DeltaBookkeeping.decide(last, settings, marker, started.startedAt(), this.settings, full);
            SyncRun record = started.withMode(decision.mode());
            List<SyncedRef> before = transactions.run(() -> synced.all(tenant));
            RunContext run = new RunContext(record, tenant, caller, settings, session, decision, before);
            try {
                census(run);
                progress.save(run);
                objects.run(run);
            } catch (DirectoryFailure e) {
                progress.save(run);
                throw e;
            }
            TenantPolicy policy =
                    transactions.run(() -> tenants.find(tenant)).orElseThrow().policy();
            List<PendingDeletion> leaving =
                    deletions.plan(run, policy.syncDeleteThreshold()).deletions();
            HoldBack hold = new HoldBack(leaving, impact.assess(run, leaving, policy.nestedGroupLicensing()), policy);
            memberships.run(run, hold.blocked() ? hold.impact() : LicenseImpact.Impact.NONE);
            if (!hold.blocked()) {
                deletions.carryOut(caller, hold.deletions(), run.tally);
            }
            progress.save(run);
            Optional<Watermark> next = DeltaBookkeeping.next(
                    settings.deltaStrategy(), marker, run.latestChange, last, settings, run.readAt);
            SyncCheckpoint checkpoint =
                    DeltaBookkeeping.checkpoint(decision, settings, next, last, started.startedAt(), run.readAt);
            // Held-back removals are found again only by reading the same groups again: the next run starts from
            // the last checkpoint rather than this one.
            boolean keepLast = hold.blocked() && !hold.impact().preview().isEmpty();
            return transactions.run(() -> finish(caller, run.record, hold, keepLast ? null : checkpoint));
        }
    }

    private void census(RunContext run) {
        run.readAt = clock.instant();
        for (ObjectKind kind : ObjectKind.values()) {
            run.session.census(kind, item -> {
                if (item.immutableId() == null) {
                    run.tally.error(new SyncError(kind, item.key(), null, run.mapper.noIdReason(kind)));
                } else {
                    run.census(item);
                }
            });
        }
    }

    private SyncRun finish(Caller caller, SyncRun record, HoldBack hold, SyncCheckpoint checkpoint) {
        Instant now = clock.instant();
        SyncRun finished;
        if (hold.blocked()) {
            runs.addPendingDeletions(record.tenant(), record.id(), hold.deletions());
            runs.addHeldChanges(
                    record.tenant(),
                    record.id(),
                    hold.impact().preview(),
                    hold.impact().losses());
            finished = record.withHeld(
                            hold.impact().preview().size(), hold.impact().usersLosing())
                    .finish(SyncRunState.BLOCKED, now, hold.deletions().size(), hold.message());
        } else {
            finished = record.finish(SyncRunState.SUCCEEDED, now, 0, null);
        }
        for (SyncRun blocked : runs.inState(record.tenant(), SyncRunState.BLOCKED)) {
            if (!blocked.id().equals(record.id())) {
                runs.update(blocked.finish(
                        SyncRunState.SUPERSEDED,
                        blocked.finishedAt(),
                        blocked.pendingDeletions(),
                        "A later run replaced it: confirm that one's deletions instead."));
            }
        }
        runs.update(finished);
        if (checkpoint != null) {
            connectors.saveCheckpoint(record.tenant(), checkpoint);
        }
        audit.append(AuditEvent.of(caller, now, Activity.FINISH_DIRECTORY_SYNC, target(finished), result(finished)));
        return finished;
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
