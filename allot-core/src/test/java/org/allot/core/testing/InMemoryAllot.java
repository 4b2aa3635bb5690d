package org.allot.core.testing;

import org.allot.core.Transactions;
import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.UserDirectory;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.subscription.SubscriptionBook;

/** A whole Allot installation on in-memory ports, wired the way the server wires the real ones. */
public final class InMemoryAllot implements Installation {
    public final MutableClock clock;
    public final InMemoryTenants tenants = new InMemoryTenants();
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemoryGroups groups = new InMemoryGroups();
    public final InMemoryMemberships memberships = new InMemoryMemberships(users);
    public final InMemoryProducts products = new InMemoryProducts();
    public final InMemoryPlanRules planRules = new InMemoryPlanRules();
    public final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    public final InMemorySeats seats = new InMemorySeats();
    public final InMemoryGroupLicenses groupLicenses = new InMemoryGroupLicenses();
    public final InMemoryAssignments assignments = new InMemoryAssignments(users, groupLicenses);
    public final InMemoryLicenseJobs jobs = new InMemoryLicenseJobs();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryLicenseChecks licenseChecks = new InMemoryLicenseChecks();
    public final InMemoryRemovalGraces removalGraces = new InMemoryRemovalGraces(assignments, users);
    public final InMemoryGroupOnlyPolicies groupOnlyPolicies = new InMemoryGroupOnlyPolicies();
    public final InMemoryLicenseMigrations licenseMigrations = new InMemoryLicenseMigrations(assignments, users);
    public final InMemoryCapacity capacity = new InMemoryCapacity(assignments, users, groupLicenses);
    public final InMemoryDynamicGroups dynamicGroups = new InMemoryDynamicGroups(users, groups, memberships);
    public final InMemoryUnits units = new InMemoryUnits();
    public final InMemoryAllotments allotments = new InMemoryAllotments();
    public final LicensingSettings settings;
    public final ProductCatalog catalog;
    public final Licensing licensing;
    public final TenantDirectory tenantDirectory;
    public final org.allot.core.directory.TenantDomains tenantDomains;
    public final UserDirectory userDirectory;
    public final GroupDirectory groupDirectory;
    public final SubscriptionBook subscriptionBook;
    public final DynamicMembership dynamicMembership;
    public final MembershipPreview membershipPreview;
    public final LicenseCheck licenseCheck;
    public final org.allot.core.assignment.SeatTakeBack seatTakeBack;
    public final org.allot.core.assignment.OverageGrace overageGrace;
    public final org.allot.core.assignment.DirectToGroup directToGroup;
    public final org.allot.core.assignment.DirectToGroupJob directToGroupJob;
    public final org.allot.core.unit.UnitDirectory unitDirectory;
    public final org.allot.core.unit.UnitMembers unitMembers;
    public final org.allot.core.unit.UnitDelegation unitDelegation;

    public InMemoryAllot(Catalog builtIn, LicensingSettings settings, MutableClock clock) {
        this.settings = settings;
        this.clock = clock;
        users.purgeAlso(memberships, assignments);
        groups.removeAlso(memberships);
        catalog = new ProductCatalog(
                Transactions.NONE,
                builtIn,
                products,
                planRules,
                (tenant, sku) -> !subscriptions.ofSku(tenant, sku).isEmpty(),
                audit,
                clock);
        CoreServices services = CoreServices.assemble(new CoreServices.Ports(
                Transactions.NONE,
                tenants,
                TenantLocks.NONE,
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
                licenseChecks,
                audit,
                clock,
                settings,
                org.allot.core.directory.DirectoryListener.NONE,
                new CoreServices.CapacityPorts(capacity, capacity, capacity),
                removalGraces,
                groupOnlyPolicies,
                licenseMigrations,
                new CoreServices.UnitPorts(units, units, allotments)));
        licensing = services.licensing();
        dynamicMembership = services.dynamicMembership();
        membershipPreview = services.membershipPreview();
        tenantDirectory = services.tenantDirectory();
        tenantDomains = services.tenantDomains();
        userDirectory = services.userDirectory();
        groupDirectory = services.groupDirectory();
        subscriptionBook = services.subscriptionBook();
        licenseCheck = services.licenseCheck();
        seatTakeBack = services.seatTakeBack();
        overageGrace = services.overageGrace();
        directToGroup = services.directToGroup();
        directToGroupJob = services.directToGroupJob();
        unitDirectory = services.unitDirectory();
        unitMembers = services.unitMembers();
        unitDelegation = services.unitDelegation();
    }

    @Override
    public org.allot.core.unit.UnitDirectory unitDirectory() {
        return unitDirectory;
    }

    @Override
    public org.allot.core.unit.UnitMembers unitMembers() {
        return unitMembers;
    }

    @Override
    public org.allot.core.directory.UnitMemberships unitMemberships() {
        return units;
    }

    @Override
    public org.allot.core.unit.UnitDelegation unitDelegation() {
        return unitDelegation;
    }

    @Override
    public int runJobs() {
        return jobs.runAll(licensing, dynamicMembership, licenseCheck, directToGroupJob, settings.chunkSize());
    }

    @Override
    public java.util.List<org.allot.core.assignment.LicenseAssignment> allAssignments(org.allot.core.TenantId tenant) {
        return assignments.all(tenant);
    }

    @Override
    public java.util.List<org.allot.core.audit.AuditEvent> auditEvents(org.allot.core.TenantId tenant) {
        return audit.events().stream().filter(e -> e.tenant().equals(tenant)).toList();
    }

    @Override
    public org.allot.core.assignment.DirectToGroup directToGroup() {
        return directToGroup;
    }

    @Override
    public org.allot.core.assignment.DirectToGroupJob directToGroupJob() {
        return directToGroupJob;
    }

    @Override
    public DynamicMembership dynamicMembership() {
        return dynamicMembership;
    }

    @Override
    public MembershipPreview membershipPreview() {
        return membershipPreview;
    }

    @Override
    public LicenseCheck licenseCheck() {
        return licenseCheck;
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
        return tenantDirectory;
    }

    @Override
    public org.allot.core.directory.TenantDomains tenantDomains() {
        return tenantDomains;
    }

    @Override
    public UserDirectory userDirectory() {
        return userDirectory;
    }

    @Override
    public GroupDirectory groupDirectory() {
        return groupDirectory;
    }

    @Override
    public org.allot.core.subscription.SubscriptionCalendar subscriptionCalendar() {
        return new org.allot.core.subscription.SubscriptionCalendar(
                Transactions.NONE, subscriptions, subscriptionBook, clock);
    }

    @Override
    public org.allot.core.assignment.SeatTakeBack seatTakeBack() {
        return seatTakeBack;
    }

    @Override
    public org.allot.core.assignment.OverageGrace overageGrace() {
        return overageGrace;
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
        return subscriptionBook;
    }

    @Override
    public ProductCatalog catalog() {
        return catalog;
    }

    @Override
    public Licensing licensing() {
        return licensing;
    }

    @Override
    public org.allot.core.directory.Users users() {
        return users;
    }

    @Override
    public org.allot.core.directory.Groups groups() {
        return groups;
    }

    @Override
    public org.allot.core.directory.Memberships memberships() {
        return memberships;
    }

    @Override
    public org.allot.core.assignment.Assignments assignments() {
        return assignments;
    }

    @Override
    public org.allot.core.assignment.GroupLicenses groupLicenses() {
        return groupLicenses;
    }

    @Override
    public org.allot.core.subscription.Seats seats() {
        return seats;
    }

    @Override
    public org.allot.core.assignment.Allotments allotments() {
        return allotments;
    }
}
