package org.allot.core.assignment;

import java.time.Clock;
import org.allot.core.Transactions;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.Users;
import org.allot.core.subscription.LifecycleSettings;
import org.allot.core.subscription.OverageClocks;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.Subscriptions;

/** Assembles the licensing services from their ports. */
public final class Licensing {
    private final Transactions transactions;
    private final UserLicensing users;
    private final GroupLicensing groups;
    private final LicensePropagation propagation;
    private final Tenants tenants;
    private final LicenseJobs jobs;
    private final Clock clock;
    private final SeatCheck seatCheck;
    private final UserCheck userCheck;
    private final PendingRemovals pendingRemovals;
    private final Reconciler reconciler;
    private final TenantLocks locks;
    private final Assignments assignments;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final GroupOnly groupOnly;
    private final Users userStore;
    private final Groups groupStore;
    private final Memberships memberships;
    private final GroupLicenses groupLicenses;
    private final AuditLog audit;
    private final SeatAllotments allotments;
    private final AllotmentFigures allotmentFigures;

    /** Licensing that tells {@code dependents} (dynamic membership) whose plans changed. */
    public Licensing(
            Transactions transactions,
            Tenants tenants,
            TenantLocks locks,
            Users userStore,
            Groups groupStore,
            Memberships memberships,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Seats seats,
            Assignments assignments,
            GroupLicenses groupLicenses,
            LicenseJobs jobs,
            AuditLog audit,
            Clock clock,
            LicensingSettings settings,
            PlanDependents dependents,
            RemovalGraces graces,
            GroupOnlyPolicies groupOnlyPolicies,
            ScopeGuard guard,
            Pools pools) {
        this.transactions = transactions;
        this.userStore = userStore;
        this.groupStore = groupStore;
        this.memberships = memberships;
        this.groupLicenses = groupLicenses;
        this.audit = audit;
        Inheritance inheritance = new Inheritance(memberships, groupLicenses);
        Reconciler reconciler = new Reconciler(
                tenants,
                catalog,
                assignments,
                seats,
                audit,
                jobs,
                inheritance,
                dependents,
                clock,
                settings.fillLimit(),
                graces,
                pools.allotments(),
                pools.units());
        this.reconciler = reconciler;
        this.locks = locks;
        this.assignments = assignments;
        this.seats = seats;
        this.catalog = catalog;
        LicenseRequests requests = new LicenseRequests(subscriptions);
        this.groupOnly = new GroupOnly(transactions, locks, groupOnlyPolicies, catalog, audit, clock);
        this.users = new UserLicensing(
                transactions,
                reconciler,
                locks,
                userStore,
                requests,
                assignments,
                seats,
                catalog,
                new FailedAssignments(transactions, userStore, audit, clock),
                groupOnly,
                guard);
        this.groups = new GroupLicensing(
                transactions,
                reconciler,
                locks,
                groupStore,
                groupLicenses,
                memberships,
                assignments,
                requests,
                jobs,
                audit,
                clock,
                settings,
                dependents,
                guard);
        this.propagation =
                new LicensePropagation(reconciler, groups, groupLicenses, memberships, assignments, catalog, settings);
        this.tenants = tenants;
        this.jobs = jobs;
        this.clock = clock;
        this.seatCheck =
                new SeatCheck(reconciler, locks, assignments, seats, pools.allotments(), catalog, audit, clock);
        this.userCheck = new UserCheck(
                reconciler, new LicenseCheckRecomputation(inheritance), locks, assignments, memberships, audit);
        this.allotments = new SeatAllotments(
                transactions,
                locks,
                pools.allotments(),
                seats,
                catalog,
                groupStore,
                groupLicenses,
                pools.unitExists(),
                new AllotmentUsers(assignments, reconciler),
                audit,
                clock);
        this.allotmentFigures = new AllotmentFigures(transactions, pools.allotments(), seats, catalog);
        this.pendingRemovals = new PendingRemovals(
                transactions,
                reconciler,
                locks,
                userStore,
                users,
                assignments,
                graces,
                catalog,
                audit,
                clock,
                settings.chunkSize(),
                guard);
    }

    /**
     * What licensing needs of allotments: the pools' port, which units a user is a member of, and whether a unit exists
     * (administrative units sit above licensing, which asks them through these).
     */
    public record Pools(
            Allotments allotments,
            org.allot.core.directory.UnitMemberships units,
            java.util.function.BiPredicate<org.allot.core.TenantId, java.util.UUID> unitExists) {
        public Pools {
            java.util.Objects.requireNonNull(allotments, "allotments");
            java.util.Objects.requireNonNull(units, "units");
            java.util.Objects.requireNonNull(unitExists, "unitExists");
        }
    }

    /** Allotments: capped pools of a SKU's seats, and their changes. */
    public SeatAllotments allotments() {
        return allotments;
    }

    /** Allotments as readers see them: the pools with their figures. */
    public AllotmentFigures allotmentFigures() {
        return allotmentFigures;
    }

    /** Grace on removal: the days per product, undoing a pending removal, freeing the due ones. */
    public PendingRemovals pendingRemovals() {
        return pendingRemovals;
    }

    /** The license check over these licensing services, keeping its runs in {@code checks}. */
    public LicenseCheck check(LicenseChecks checks) {
        return new LicenseCheck(transactions, checks, jobs, tenants, seatCheck, userCheck, clock);
    }

    /** Taking seats back when capacity falls below use, over these licensing services. */
    public SeatTakeBack seatTakeBack(SeatHolders holders, OverageClocks clocks) {
        return new SeatTakeBack(transactions, reconciler, locks, assignments, seats, holders, clocks);
    }

    /** The overage grace period's step and preview, taking seats back through {@code takeBack}. */
    public OverageGrace overageGrace(
            SeatTakeBack takeBack, SeatHolders holders, OverageClocks clocks, LifecycleSettings settings) {
        return new OverageGrace(transactions, clocks, settings, seats, catalog, holders, takeBack, clock);
    }

    /** The group-only policy: reading and setting it (the rule itself is read by every direct assignment). */
    public GroupOnly groupOnly() {
        return groupOnly;
    }

    /** The direct → group migration assistant's preview and start, keeping its runs in {@code migrations}. */
    public DirectToGroup directToGroup(LicenseMigrations migrations) {
        return new DirectToGroup(
                transactions,
                locks,
                groupStore,
                memberships,
                groupLicenses,
                assignments,
                seats,
                catalog,
                migrations,
                jobs,
                audit,
                clock);
    }

    /** The steps of a migration run, which join users to groups through {@code groups}. */
    public DirectToGroupJob directToGroupJob(
            DirectToGroup migration, LicenseMigrations migrations, GroupDirectory groups) {
        return new DirectToGroupJob(
                migration,
                migrations,
                new SeatNeutralRemoval(reconciler, locks, userStore, assignments),
                groups,
                locks,
                userStore,
                assignments,
                catalog,
                audit,
                clock);
    }

    public UserLicensing users() {
        return users;
    }

    public GroupLicensing groups() {
        return groups;
    }

    /** Listens to the directory and to capacity changes; wire it into the directory services and the subscription book. */
    public LicensePropagation propagation() {
        return propagation;
    }
}
