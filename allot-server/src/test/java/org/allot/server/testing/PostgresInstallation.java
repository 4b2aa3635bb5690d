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
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.Installation;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.JobRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The core services on the server's JDBC adapters and job runner, over the shared test database. */
public final class PostgresInstallation implements Installation {
    private final MutableClock clock;
    private final LicensingSettings settings;
    private final JdbcAdapters adapters;
    private final CoreServices services;
    private final JobRunner runner;

    public PostgresInstallation(
            DataSource dataSource, Catalog builtIn, LicensingSettings settings, MutableClock clock) {
        this.clock = clock;
        this.settings = settings;
        this.adapters = JdbcAdapters.over(dataSource, builtIn, settings, clock);
        this.services = adapters.services();
        runner = workers(0, Duration.ofMillis(50));
    }

    /** A job runner of {@code count} worker threads (not started) over this installation's queue. */
    public JobRunner workers(int count, Duration pollInterval) {
        return adapters.workers(count, pollInterval);
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
        return adapters.units();
    }

    @Override
    public org.allot.core.unit.UnitDelegation unitDelegation() {
        return services.unitDelegation();
    }

    @Override
    public List<LicenseAssignment> allAssignments(TenantId tenant) {
        return adapters.assignments().ofTenant(tenant);
    }

    @Override
    public List<AuditEvent> auditEvents(TenantId tenant) {
        return adapters.audit().events(tenant);
    }

    /** Creates a tenant (domain contoso.com, default usage location US, default policies); returns its admin. */
    public Caller newTenant(String name) {
        TenantId tenant = TenantId.random();
        adapters.work()
                .run(() -> services.tenantDirectory()
                        .create(tenant, name, List.of("contoso.com"), "US", TenantPolicy.DEFAULT))
                .value();
        return Caller.of(tenant, Actor.user("admin", "admin@contoso.com"));
    }

    /** Subscribes the tenant to seats of the built-in product with this part number; returns the product. */
    public Product subscribe(Caller admin, String partNumber, int seats) {
        Product product = adapters.catalog()
                .forTenant(admin.tenant())
                .findByPartNumber(partNumber)
                .orElseThrow();
        adapters.work()
                .run(() -> services.subscriptionBook()
                        .add(admin, product.skuId(), seats, SubscriptionStatus.Enabled, false, null))
                .value();
        return product;
    }

    /** Creates a dynamic group whose members follow the rule. */
    public GroupId dynamicGroup(Caller admin, String name, String rule) {
        return adapters.work()
                .run(() -> services.groupDirectory()
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
        return adapters.locks();
    }

    /** Runs commands in transactions, as the server does. */
    public UnitOfWork work() {
        return adapters.work();
    }

    public JdbcClient jdbc() {
        return adapters.jdbc();
    }

    /** The audit log the core services write to. */
    public JdbcAuditLog auditLog() {
        return adapters.audit();
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
        return adapters.reclaim();
    }

    @Override
    public org.allot.core.subscription.SubscriptionCalendar subscriptionCalendar() {
        return new org.allot.core.subscription.SubscriptionCalendar(
                adapters.work(), adapters.subscriptions(), services.subscriptionBook(), clock);
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
        return adapters.capacity();
    }

    @Override
    public org.allot.core.subscription.LifecycleSettings lifecycleSettings() {
        return adapters.capacity();
    }

    @Override
    public SubscriptionBook subscriptionBook() {
        return services.subscriptionBook();
    }

    @Override
    public ProductCatalog catalog() {
        return adapters.catalog();
    }

    @Override
    public Licensing licensing() {
        return services.licensing();
    }

    @Override
    public Users users() {
        return adapters.users();
    }

    @Override
    public Groups groups() {
        return adapters.groups();
    }

    @Override
    public Memberships memberships() {
        return adapters.memberships();
    }

    @Override
    public Assignments assignments() {
        return adapters.assignments();
    }

    @Override
    public GroupLicenses groupLicenses() {
        return adapters.groupLicenses();
    }

    @Override
    public Seats seats() {
        return adapters.seats();
    }

    @Override
    public org.allot.core.assignment.Allotments allotments() {
        return adapters.allotments();
    }
}
