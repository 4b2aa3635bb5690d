package org.allot.core.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UnitMemberships;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Seats;

/**
 * Applies a change to a set of users as one unit of work: locks them, evaluates their assignments with the engine
 * ({@link Recomputation}), writes what changed with an audit record per user ({@link PlanChanges} notes whose active
 * plans changed, for the memberships that depend on plans), and gives seats that are now free to the waiting list
 * ({@link WaitingListFill}).
 */
final class Reconciler {
    private final Tenants tenants;
    private final ProductCatalog catalog;
    private final Assignments assignments;
    private final Seats seats;
    private final AuditLog audit;
    private final Recomputation recomputation;
    private final WaitingListFill fill;
    private final Inheritance inheritance;
    private final PlanDependents dependents;
    private final Clock clock;
    private final RemovalGraces graces;
    private final Allotments allotments;
    private final UnitMemberships units;

    Reconciler(
            Tenants tenants,
            ProductCatalog catalog,
            Assignments assignments,
            Seats seats,
            AuditLog audit,
            LicenseJobs jobs,
            Inheritance inheritance,
            PlanDependents dependents,
            Clock clock,
            int fillLimit,
            RemovalGraces graces,
            Allotments allotments,
            UnitMemberships units) {
        this.tenants = Objects.requireNonNull(tenants);
        this.catalog = Objects.requireNonNull(catalog);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
        this.audit = Objects.requireNonNull(audit);
        this.recomputation = new Recomputation(assignments, inheritance);
        this.fill = new WaitingListFill(assignments, jobs, recomputation, fillLimit);
        this.inheritance = inheritance;
        this.dependents = Objects.requireNonNull(dependents);
        this.clock = Objects.requireNonNull(clock);
        this.graces = Objects.requireNonNull(graces);
        this.allotments = Objects.requireNonNull(allotments);
        this.units = Objects.requireNonNull(units);
    }

    /**
     * A unit of work: the tenant's rules read once, the seat figures it has locked, and the users whose active plans
     * it changed.
     */
    static final class Work {
        final Caller caller;
        final LicensingEngine.Context context;
        final SeatLedger ledger;
        private final PlanChanges plans;
        private final Activity activity;

        private Work(
                Caller caller,
                LicensingEngine.Context context,
                SeatLedger ledger,
                PlanChanges plans,
                Activity activity) {
            this.caller = caller;
            this.context = context;
            this.ledger = ledger;
            this.plans = plans;
            this.activity = activity;
        }

        TenantId tenant() {
            return caller.tenant();
        }
    }

    /** The evaluated result for some users, not yet written. */
    record Batch(
            Map<UserId, UserLicenses> before,
            Map<UserId, UserLicenses> after,
            List<LicenseAssignment> added,
            List<LicenseAssignment> changed,
            List<LicenseAssignment.Key> removed) {}

    Work begin(Caller caller) {
        return begin(caller, Activity.CHANGE_USER_LICENSE);
    }

    /** A unit of work whose changes to users are audited as {@code activity}. */
    Work begin(Caller caller, Activity activity) {
        LicensingEngine.Context context = context(caller);
        return new Work(
                caller,
                context,
                new SeatLedger(caller.tenant(), seats, allotments, context.pools()),
                new PlanChanges(dependents),
                activity);
    }

    /**
     * A unit of work for one request about users it has locked itself: it decides on seat figures read without a
     * lock and locks the seat rows it touched last, when it settles ({@link SeatLedger#deferred}).
     */
    Work beginDeferred(Caller caller) {
        LicensingEngine.Context context = context(caller);
        return new Work(
                caller,
                context,
                SeatLedger.deferred(
                        caller.tenant(), seats, seats.all(caller.tenant()), pools(caller.tenant(), context)),
                new PlanChanges(dependents),
                Activity.CHANGE_USER_LICENSE);
    }

    /**
     * {@link #beginDeferred(Caller)} for users {@link #lockWithLicensing locked with what licensing reads}: it decides on
     * the seat figures read then.
     */
    Work beginDeferred(Caller caller, Assignments.LockedWithLicensing read) {
        LicensingEngine.Context context = context(caller);
        return new Work(
                caller,
                context,
                SeatLedger.deferred(caller.tenant(), seats, read.seats(), pools(caller.tenant(), context)),
                new PlanChanges(dependents),
                Activity.CHANGE_USER_LICENSE);
    }

    /**
     * Locks the users and reads, once the locks are held, their assignments, their groups with those groups' licenses
     * and the seat figures ({@link Assignments#lockWithLicensing}, one round trip where the store can).
     */
    Assignments.LockedWithLicensing lockWithLicensing(TenantId tenant, Collection<UserId> users) {
        return inheritance.lockWithLicensing(assignments, seats, tenant, users);
    }

    /** A unit of work that only reads: its seat figures are a snapshot that locks and writes nothing. */
    Work beginSnapshot(Caller caller) {
        LicensingEngine.Context context = context(caller);
        return new Work(
                caller,
                context,
                SeatLedger.snapshot(caller.tenant(), seats, pools(caller.tenant(), context)),
                new PlanChanges(dependents),
                Activity.CHANGE_USER_LICENSE);
    }

    private LicensingEngine.Context context(Caller caller) {
        Tenant tenant = tenants.find(caller.tenant())
                .orElseThrow(() -> new IllegalStateException("no tenant " + caller.tenant()));
        Instant now = clock.instant();
        TenantId id = caller.tenant();
        return new LicensingEngine.Context(
                        catalog.forTenant(id),
                        tenant.defaultUsageLocation(),
                        tenant.policy(),
                        now,
                        new RemovalGrace(graces.days(id)))
                .withPools(allotments.book(id), user -> units.unitsOf(id, user.value()));
    }

    private PoolSeats pools(TenantId tenant, LicensingEngine.Context context) {
        return new PoolSeats(tenant, allotments, context.pools());
    }

    /** Evaluates, writes, fills and flushes: the whole of a simple unit of work. */
    Map<UserId, UserLicenses> apply(Work work, Collection<UserId> users, Change change) {
        Batch batch = evaluate(work, users, change);
        commit(work, batch);
        finish(work);
        return batch.after();
    }

    /** {@link Recomputation#reinherit}. */
    Batch reinherit(Work work, Collection<UserId> users) {
        return recomputation.reinherit(work, users);
    }

    /** {@link Recomputation#evaluate(Work, Collection, Change)}. */
    Batch evaluate(Work work, Collection<UserId> users, Change change) {
        return recomputation.evaluate(work, users, change);
    }

    /** {@link Recomputation#evaluateLocked}: for a {@link #beginDeferred deferred} unit of work. */
    Batch evaluateLocked(
            Work work,
            Map<UserId, LicenseSubject> subjects,
            Map<UserId, List<LicenseAssignment>> current,
            Change change) {
        return recomputation.evaluateLocked(work, subjects, current, change);
    }

    /** {@link Recomputation#reinheritLocked}: for a {@link #beginDeferred deferred} unit of work. */
    Batch reinheritLocked(Work work, Map<UserId, LicenseSubject> subjects) {
        return recomputation.reinheritLocked(work, subjects);
    }

    /** {@link Recomputation#reinheritLocked}, for users read by {@link #lockWithLicensing}. */
    Batch reinheritLocked(Work work, Assignments.LockedWithLicensing read) {
        return recomputation.reinheritLocked(work, read);
    }

    /** Writes the batch and its audit records, and notes whose active plans it changed. */
    void commit(Work work, Batch batch) {
        if (batch.added().isEmpty()
                && batch.changed().isEmpty()
                && batch.removed().isEmpty()) {
            return;
        }
        List<AuditEvent> events = new ArrayList<>();
        batch.after().forEach((id, after) -> {
            UserLicenses before = batch.before().get(id);
            var changes = LicenseChanges.between(before, after, work.context.catalog());
            if (!changes.isEmpty()) {
                events.add(AuditEvent.of(
                        work.caller,
                        work.context.now(),
                        work.activity,
                        AuditTarget.user(id, after.subject().userPrincipalName()),
                        changes));
            }
        });
        assignments.write(work.tenant(), batch.added(), batch.changed(), batch.removed(), audit, events);
        work.plans.note(work.tenant(), work.context.catalog(), batch);
    }

    /**
     * Serves the waiting lists that now have free seats and writes the seat figures; then memberships that depend
     * on plans follow the users whose plans changed, and the licenses of the users they move follow in turn.
     */
    void finish(Work work) {
        settle(work);
        Set<UserId> changed = work.plans.take();
        if (!changed.isEmpty()) {
            dependents.plansChanged(work.caller, changed, moved -> relicense(work.caller, moved));
        }
    }

    /** Gives users whose memberships changed the licenses of their groups; returns whose active plans changed. */
    private Set<UserId> relicense(Caller caller, Set<UserId> users) {
        Work work = begin(caller.as(Actor.GROUP_BASED_LICENSING));
        commit(work, reinherit(work, new ArrayList<>(new TreeSet<>(users))));
        settle(work);
        return work.plans.take();
    }

    /** Serves the waiting lists that now have free seats, then writes the seat figures. */
    private void settle(Work work) {
        work.ledger.lockDeferred();
        Work filling = new Work(
                work.caller.as(Actor.GROUP_BASED_LICENSING),
                work.context,
                work.ledger,
                work.plans,
                Activity.CHANGE_USER_LICENSE);
        fill.serve(work, filling, this::commit);
        work.ledger.flush();
    }
}
