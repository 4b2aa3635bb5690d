package org.allot.server.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.audit.AuditEvent;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.Users;
import org.allot.core.jobs.BackgroundLicensing;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.Installation;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcDynamicGroups;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcLicenseChecks;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcPlanRules;
import org.allot.server.persistence.JdbcProducts;
import org.allot.server.persistence.JdbcRemovalGraces;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.SharedSnapshots;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.JobRunner;
import org.allot.server.processing.LicenseCheckDryRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The core services on the server's JDBC adapters and job runner, over the shared test database. */
public final class PostgresInstallation implements Installation {
    private final MutableClock clock;
    /** The core's use cases, assembled as the server assembles them. */
    private final CoreServices services;

    private final LicensingSettings settings;
    private final JdbcClient jdbc;
    private final JdbcTenants tenants;
    private final JdbcUsers users;
    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final JdbcSubscriptions subscriptions;
    private final JdbcSeats seats;
    private final org.allot.server.persistence.JdbcAllotments allotments;
    private final JdbcAssignments assignments;
    private final JdbcGroupLicenses groupLicenses;
    private final JdbcAuditLog audit;
    private final JdbcTenantLocks locks;
    private final ProductCatalog catalog;
    private final JobRunner runner;
    private final JdbcLicenseJobs jobs;
    private final SharedSnapshots snapshots;
    private final UnitOfWork work;
    private final org.allot.server.persistence.JdbcCapacity capacity;
    private final org.allot.server.persistence.JdbcUnits units;

    public PostgresInstallation(
            DataSource dataSource, Catalog builtIn, LicensingSettings settings, MutableClock clock) {
        this.clock = clock;
        this.settings = settings;
        this.jdbc = JdbcClient.create(dataSource);
        work = new UnitOfWork(new DataSourceTransactionManager(dataSource));
        TenantStamps stamps = new TenantStamps(jdbc);
        units = new org.allot.server.persistence.JdbcUnits(jdbc, stamps);
        tenants = new JdbcTenants(jdbc, stamps);
        users = new JdbcUsers(jdbc, dataSource);
        groups = new JdbcGroups(jdbc, stamps);
        memberships = new JdbcMemberships(dataSource, jdbc);
        subscriptions = new JdbcSubscriptions(jdbc, stamps);
        seats = new JdbcSeats(jdbc);
        allotments = new org.allot.server.persistence.JdbcAllotments(jdbc, stamps);
        assignments = new JdbcAssignments(dataSource, jdbc, stamps);
        groupLicenses = new JdbcGroupLicenses(jdbc);
        audit = new JdbcAuditLog(dataSource, jdbc, JsonMapper.builder().build());
        JdbcLicenseJobs jobs = new JdbcLicenseJobs(jdbc);
        JdbcDynamicGroups dynamicGroups = new JdbcDynamicGroups(jdbc, stamps);
        catalog = new ProductCatalog(
                work,
                builtIn,
                new JdbcProducts(jdbc, stamps),
                new JdbcPlanRules(jdbc, stamps),
                (tenant, sku) -> !subscriptions.ofSku(tenant, sku).isEmpty(),
                audit,
                clock);
        capacity = new org.allot.server.persistence.JdbcCapacity(jdbc);
        locks = new JdbcTenantLocks(dataSource, jdbc, stamps);
        services = CoreServices.assemble(new CoreServices.Ports(
                work,
                tenants,
                locks,
                users,
                groups,
                memberships,
                dynamicGroups,
                catalog,
                subscriptions,
                seats,
                assignments,
                groupLicenses,
                jobs,
                jobs,
                new JdbcLicenseChecks(dataSource, jdbc),
                audit,
                clock,
                settings,
                org.allot.core.directory.DirectoryListener.NONE,
                new CoreServices.CapacityPorts(capacity, capacity, capacity),
                new JdbcRemovalGraces(jdbc, stamps),
                new org.allot.server.persistence.JdbcGroupOnlyPolicies(jdbc, stamps),
                new org.allot.server.persistence.JdbcLicenseMigrations(jdbc),
                new CoreServices.UnitPorts(units, units, allotments)));
        this.jobs = jobs;
        this.snapshots = new SharedSnapshots(dataSource, jdbc);
        runner = workers(0, Duration.ofMillis(50));
    }

    /** A job runner of {@code count} worker threads (not started) over this installation's queue. */
    public JobRunner workers(int count, Duration pollInterval) {
        LicenseCheckDryRun dryRuns =
                new LicenseCheckDryRun(services.licenseCheck(), work, snapshots, settings.chunkSize(), 2);
        return new JobRunner(
                new BackgroundLicensing(
                        jobs,
                        work,
                        services.licensing(),
                        services.dynamicMembership(),
                        services.licenseCheck(),
                        dryRuns,
                        services.directToGroupJob(),
                        settings.chunkSize(),
                        Duration.ofSeconds(30)),
                dryRuns,
                count,
                pollInterval);
    }

    @Override
    public org.allot.core.unit.UnitDirectory unitDirectory() {
        return services.unitDirectory();
    }

    @Override
    public org.allot.core.unit.UnitMembers unitMembers() {
        return services.unitMembers();
    }

    @Override
    public org.allot.core.directory.UnitMemberships unitMemberships() {
        return units;
    }

    @Override
    public org.allot.core.unit.UnitDelegation unitDelegation() {
        return services.unitDelegation();
    }

    @Override
    public List<LicenseAssignment> allAssignments(TenantId tenant) {
        return assignments.ofTenant(tenant);
    }

    @Override
    public List<AuditEvent> auditEvents(TenantId tenant) {
        return audit.events(tenant);
    }

    /** Creates a tenant (domain contoso.com, default usage location US, default policies); returns its admin. */
    public Caller newTenant(String name) {
        TenantId tenant = TenantId.random();
        work.run(() -> services.tenantDirectory()
                        .create(tenant, name, List.of("contoso.com"), "US", TenantPolicy.DEFAULT))
                .value();
        return Caller.of(tenant, Actor.user("admin", "admin@contoso.com"));
    }

    /** Subscribes the tenant to seats of the built-in product with this part number; returns the product. */
    public Product subscribe(Caller admin, String partNumber, int seats) {
        Product product =
                catalog.forTenant(admin.tenant()).findByPartNumber(partNumber).orElseThrow();
        work.run(() -> services.subscriptionBook()
                        .add(admin, product.skuId(), seats, SubscriptionStatus.Enabled, false, null))
                .value();
        return product;
    }

    /** Creates a dynamic group whose members follow the rule. */
    public GroupId dynamicGroup(Caller admin, String name, String rule) {
        return work.run(() -> services.groupDirectory()
                        .create(
                                admin,
                                Map.of(GroupAttribute.DISPLAY_NAME, name, GroupAttribute.MEMBERSHIP_RULE, rule),
                                Set.of(Group.DYNAMIC_MEMBERSHIP)))
                .value()
                .id();
    }

    /** The tenant's lifecycle periods, as the admin center changes them. */
    public org.allot.core.subscription.LifecyclePolicy lifecyclePolicy() {
        return services.lifecyclePolicy();
    }

    /** The tenants' licensing locks the core services take. */
    public JdbcTenantLocks tenantLocks() {
        return locks;
    }

    /** Runs commands in transactions, as the server does. */
    public UnitOfWork work() {
        return work;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The audit log the core services write to. */
    public JdbcAuditLog auditLog() {
        return audit;
    }

    @Override
    public int runJobs() {
        return runner.runPending();
    }

    /** Runs the background jobs until none is left, those the jobs queue included. */
    public void runAllJobs() {
        while (runJobs() > 0) {
            // until no job is left
        }
    }

    @Override
    public DynamicMembership dynamicMembership() {
        return services.dynamicMembership();
    }

    @Override
    public MembershipPreview membershipPreview() {
        return services.membershipPreview();
    }

    @Override
    public LicenseCheck licenseCheck() {
        return services.licenseCheck();
    }

    @Override
    public org.allot.core.assignment.DirectToGroup directToGroup() {
        return services.directToGroup();
    }

    @Override
    public org.allot.core.assignment.DirectToGroupJob directToGroupJob() {
        return services.directToGroupJob();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public LicensingSettings settings() {
        return settings;
    }

    @Override
    public TenantDirectory tenantDirectory() {
        return services.tenantDirectory();
    }

    @Override
    public org.allot.core.directory.TenantDomains tenantDomains() {
        return services.tenantDomains();
    }

    @Override
    public UserDirectory userDirectory() {
        return services.userDirectory();
    }

    @Override
    public GroupDirectory groupDirectory() {
        return services.groupDirectory();
    }

    /** Reclaim of unused licenses over this installation's store (as the server assembles it). */
    public org.allot.core.reclaim.Reclaim reclaim() {
        return new org.allot.core.reclaim.Reclaim(
                work,
                new org.allot.server.persistence.JdbcReclaimPolicies(jdbc),
                new org.allot.server.persistence.JdbcReclaimCandidates(jdbc),
                memberships,
                new org.allot.server.persistence.JdbcReclaimRuns(jdbc),
                subscriptions,
                catalog,
                services.licensing().users(),
                audit,
                clock);
    }

    @Override
    public org.allot.core.subscription.SubscriptionCalendar subscriptionCalendar() {
        return new org.allot.core.subscription.SubscriptionCalendar(
                work, subscriptions, services.subscriptionBook(), clock);
    }

    @Override
    public org.allot.core.assignment.SeatTakeBack seatTakeBack() {
        return services.seatTakeBack();
    }

    @Override
    public org.allot.core.assignment.OverageGrace overageGrace() {
        return services.overageGrace();
    }

    @Override
    public org.allot.core.subscription.OverageClocks overageClocks() {
        return capacity;
    }

    @Override
    public org.allot.core.subscription.LifecycleSettings lifecycleSettings() {
        return capacity;
    }

    @Override
    public SubscriptionBook subscriptionBook() {
        return services.subscriptionBook();
    }

    @Override
    public ProductCatalog catalog() {
        return catalog;
    }

    @Override
    public Licensing licensing() {
        return services.licensing();
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Groups groups() {
        return groups;
    }

    @Override
    public Memberships memberships() {
        return memberships;
    }

    @Override
    public Assignments assignments() {
        return assignments;
    }

    @Override
    public GroupLicenses groupLicenses() {
        return groupLicenses;
    }

    @Override
    public Seats seats() {
        return seats;
    }

    @Override
    public org.allot.core.assignment.Allotments allotments() {
        return allotments;
    }
}
