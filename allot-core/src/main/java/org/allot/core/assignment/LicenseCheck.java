package org.allot.core.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;

/**
 * The license check (rule 12: the intent to license is never lost): recomputes every user's licenses from scratch —
 * direct assignments as stored plus the licenses of the groups they belong to — and compares them with what is
 * stored, with the seat figures against a recount. A dry run reports each difference and changes nothing; a repair
 * also brings it in line through the engine, audited as "Repair license state" by "reconciliation".
 *
 * <p>A run is durable work done in steps, each its own unit of work: {@link #start} (seat figures), {@link #check}
 * for each chunk of users in id order (resumable from the last user a committed chunk covered), and {@link #finish}
 * (a repair serves waiting lists that have free seats). A dry run's steps read without locks and are meant to run in
 * one consistent read each; a repair's take the tenant's licensing lock shared, then users, then seats. A tenant has
 * at most one run queued or running.
 */
public final class LicenseCheck {
    private final Transactions transactions;
    private final LicenseChecks checks;
    private final LicenseJobs jobs;
    private final Tenants tenants;
    private final SeatCheck seats;
    private final UserCheck users;
    private final Clock clock;

    LicenseCheck(
            Transactions transactions,
            LicenseChecks checks,
            LicenseJobs jobs,
            Tenants tenants,
            SeatCheck seats,
            UserCheck users,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.checks = Objects.requireNonNull(checks);
        this.jobs = Objects.requireNonNull(jobs);
        this.tenants = Objects.requireNonNull(tenants);
        this.seats = Objects.requireNonNull(seats);
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What one chunk of a run did; {@code next} is null when the run has checked every user. */
    public record Chunk(UserId next, int users, int found, int repaired) {}

    /** Asks for a run now; refused while the tenant has one queued or running. */
    public Outcome<LicenseCheckRun> request(Caller caller, boolean dryRun) {
        return transactions.run(() -> requestNow(caller, dryRun));
    }

    private Outcome<LicenseCheckRun> requestNow(Caller caller, boolean dryRun) {
        checks.lock(caller.tenant());
        Optional<LicenseCheckRun> busy = checks.underWay(caller.tenant());
        if (busy.isPresent()) {
            LicenseCheckRun run = busy.get();
            return Outcome.refused(Rejection.of(
                    ErrorCode.CONFLICT,
                    "A license check of this tenant is already %s: run %s (%s), asked for by %s. Ask again when it"
                            + " has ended.",
                    run.state() == LicenseCheckState.Queued ? "queued" : "running",
                    run.id(),
                    run.dryRun() ? "dry run" : "repair",
                    run.requestedBy().displayName()));
        }
        return Outcome.done(queue(caller.tenant(), dryRun, caller.actor()));
    }

    /**
     * Starts the schedule's run of the tenant when it is due: when no run (no repair, for a schedule that repairs) has
     * been asked for within {@code interval}, counting from when the tenant was created, and none is under way.
     * Several servers may ask at once: one run starts.
     */
    public Optional<LicenseCheckRun> requestScheduled(TenantId tenant, boolean repair, Duration interval) {
        return transactions.run(() -> requestScheduledNow(tenant, repair, interval));
    }

    /**
     * {@link #requestScheduled} for every tenant, each in a unit of work of its own: how many runs started. A tenant
     * whose request fails is handed to {@code failed}, and the others are still asked for.
     */
    public int requestScheduledForAll(
            boolean repair, Duration interval, BiConsumer<TenantId, RuntimeException> failed) {
        int started = 0;
        for (Tenant tenant : transactions.read(tenants::all)) {
            try {
                if (requestScheduled(tenant.id(), repair, interval).isPresent()) {
                    started++;
                }
            } catch (RuntimeException e) {
                failed.accept(tenant.id(), e);
            }
        }
        return started;
    }

    private Optional<LicenseCheckRun> requestScheduledNow(TenantId tenant, boolean repair, Duration interval) {
        checks.lock(tenant);
        if (checks.underWay(tenant).isPresent()) {
            return Optional.empty();
        }
        Optional<Instant> since = checks.lastRequested(tenant, repair)
                .or(() -> tenants.find(tenant).map(Tenant::createdDateTime));
        if (since.isEmpty() || since.get().plus(interval).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(queue(tenant, !repair, Actor.RECONCILIATION));
    }

    private LicenseCheckRun queue(TenantId tenant, boolean dryRun, Actor actor) {
        LicenseCheckRun run = LicenseCheckRun.queued(tenant, dryRun, actor, clock.instant());
        checks.add(run);
        jobs.checkLicenses(tenant, run.id());
        return run;
    }

    public Optional<LicenseCheckRun> run(TenantId tenant, LicenseCheckRunId id) {
        return transactions.read(() -> runRead(tenant, id));
    }

    private Optional<LicenseCheckRun> runRead(TenantId tenant, LicenseCheckRunId id) {
        return checks.find(tenant, id);
    }

    /** The tenant's runs, newest first. */
    public List<LicenseCheckRun> runs(TenantId tenant, int skip, int top) {
        return transactions.read(() -> runsRead(tenant, skip, top));
    }

    private List<LicenseCheckRun> runsRead(TenantId tenant, int skip, int top) {
        return checks.recent(tenant, skip, top);
    }

    public Optional<LicenseCheckRun> latest(TenantId tenant) {
        return transactions.read(() -> latestRead(tenant));
    }

    private Optional<LicenseCheckRun> latestRead(TenantId tenant) {
        return checks.recent(tenant, 0, 1).stream().findFirst();
    }

    /**
     * A run's differences: seat figures first, then users in id order (a dry run records the seat figures last, when
     * its ranges have counted the seats).
     */
    public List<LicenseDifference> differences(TenantId tenant, LicenseCheckRunId id, int skip, int top) {
        return transactions.read(() -> differencesRead(tenant, id, skip, top));
    }

    private List<LicenseDifference> differencesRead(TenantId tenant, LicenseCheckRunId id, int skip, int top) {
        return checks.differences(tenant, id, skip, top);
    }

    /**
     * Whether a queued run may start now: not while the tenant's licensing work is under way in the background (a
     * group's licenses half applied, say), which the check would otherwise take for drift. The run waits until it is
     * done.
     */
    public boolean mayStart(TenantId tenant) {
        return transactions.read(() -> mayStartRead(tenant));
    }

    private boolean mayStartRead(TenantId tenant) {
        return !jobs.licensingUnderWay(tenant);
    }

    /** The first step of a run: marks it running and checks (a repair: corrects) the seat figures. */
    public LicenseCheckRun start(TenantId tenant, LicenseCheckRunId id) {
        LicenseCheckRun run = find(tenant, id).started(clock.instant());
        return record(run, 0, seats.recount(caller(run), !run.dryRun()));
    }

    /**
     * What a part of a dry run found, not recorded yet: of the seat figures ({@code range} null) or of a range of
     * users, how many living users it checked, the differences in the order found, and what it counted of the seats
     * (a range's; null for the seat figures).
     */
    public record Findings(UserRange range, int users, List<LicenseDifference> differences, SeatTally seats) {}

    /**
     * The first step of a dry run whose parts are examined apart ({@link #examineSeats}, {@link #examine}), perhaps at
     * once: marks it running (a run that was already started keeps its start).
     */
    public LicenseCheckRun begin(TenantId tenant, LicenseCheckRunId id) {
        LicenseCheckRun run = find(tenant, id);
        if (run.state() != LicenseCheckState.Queued) {
            return run;
        }
        LicenseCheckRun started = run.started(clock.instant());
        checks.update(started);
        return started;
    }

    /**
     * The users after {@code after} (null: all) in ranges of about {@code size} users each, as many as a multiple of
     * {@code parts}, in id order: the parts of a dry run that can be examined at once.
     */
    public List<UserRange> ranges(TenantId tenant, UserId after, int size, int parts) {
        return users.ranges(tenant, after, size, parts);
    }

    /** A dry run's seat figures against a recount; reads in one consistent read and writes nothing. */
    public Findings examineSeats(TenantId tenant, LicenseCheckRunId id) {
        return new Findings(null, 0, seats.recount(caller(tenant, id), false), null);
    }

    /**
     * A dry run's seat figures against what its ranges counted ({@link Findings#seats}, added up), when they covered
     * every user in one consistent read together: the same as {@link #examineSeats}, without reading anything.
     */
    public Findings seatsCounted(SeatTally counted) {
        return new Findings(null, 0, seats.compare(counted), null);
    }

    /**
     * A dry run of the users of a range (as {@link #check} of a chunk, about {@code size} users at a time); reads in one
     * consistent read and writes nothing.
     */
    public Findings examine(TenantId tenant, LicenseCheckRunId id, UserRange range, int size) {
        UserCheck.Result result = users.examine(caller(tenant, id), range, size);
        return new Findings(range, result.users(), result.differences(), result.seats());
    }

    /** Records what a part of a dry run found, after what the parts before it found. */
    public void record(TenantId tenant, LicenseCheckRunId id, Findings findings) {
        record(find(tenant, id), findings.users(), findings.differences());
    }

    /** Checks (a repair: repairs) the users after {@code after} (null: the first ones), {@code limit} of them. */
    public Chunk check(TenantId tenant, LicenseCheckRunId id, UserId after, int limit) {
        LicenseCheckRun run = find(tenant, id);
        UserCheck.Result result =
                run.dryRun() ? users.dryRun(caller(run), after, limit) : users.repair(caller(run), after, limit);
        LicenseCheckRun counted = record(run, result.users(), result.differences());
        return new Chunk(
                result.next(),
                result.users(),
                counted.differencesFound() - run.differencesFound(),
                counted.differencesRepaired() - run.differencesRepaired());
    }

    /** The last step of a run: a repair serves the waiting lists that have free seats; the run has succeeded. */
    public LicenseCheckRun finish(TenantId tenant, LicenseCheckRunId id) {
        LicenseCheckRun run = find(tenant, id);
        if (!run.dryRun()) {
            seats.serveWaiting(caller(run));
        }
        return record(run.ended(LicenseCheckState.Succeeded, clock.instant(), null), 0, List.of());
    }

    /** Marks a run failed (its job gave up); what it found so far is kept. */
    public void fail(TenantId tenant, LicenseCheckRunId id, String why) {
        checks.find(tenant, id)
                .filter(run -> run.state().underWay())
                .ifPresent(run -> checks.update(run.ended(LicenseCheckState.Failed, clock.instant(), why)));
    }

    private LicenseCheckRun record(LicenseCheckRun run, int checked, List<LicenseDifference> found) {
        if (!found.isEmpty()) {
            checks.addDifferences(run.tenant(), run.id(), found);
        }
        int repaired = (int) found.stream().filter(LicenseDifference::repaired).count();
        LicenseCheckRun counted = run.counted(checked, found.size(), repaired);
        checks.update(counted);
        return counted;
    }

    private LicenseCheckRun find(TenantId tenant, LicenseCheckRunId id) {
        return checks.find(tenant, id).orElseThrow(() -> new IllegalStateException("no license check run " + id));
    }

    /** Repairs are made by "reconciliation", tied together by the run's id. */
    private static Caller caller(LicenseCheckRun run) {
        return caller(run.tenant(), run.id());
    }

    private static Caller caller(TenantId tenant, LicenseCheckRunId id) {
        return new Caller(tenant, Actor.RECONCILIATION, "license-check-" + id);
    }
}
