package org.allot.core.assembly;

import java.time.Clock;
import java.util.Objects;
import org.allot.core.Transactions;
import org.allot.core.assignment.Allotments;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.GroupOnlyPolicies;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseChecks;
import org.allot.core.assignment.LicenseJobs;
import org.allot.core.assignment.LicenseMigrations;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.assignment.RemovalGraces;
import org.allot.core.assignment.SeatHolders;
import org.allot.core.assignment.SeatTakeBack;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.DirectoryListeners;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantDomains;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.Users;
import org.allot.core.rules.DynamicGroups;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipJobs;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.rules.RuleMemberships;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.core.subscription.LifecycleSettings;
import org.allot.core.subscription.OverageClocks;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionLifecycle;
import org.allot.core.subscription.Subscriptions;
import org.allot.core.unit.UnitDelegation;
import org.allot.core.unit.UnitDirectory;
import org.allot.core.unit.UnitId;
import org.allot.core.unit.UnitMembers;
import org.allot.core.unit.UnitOverview;
import org.allot.core.unit.UnitRoleAssignments;
import org.allot.core.unit.Units;

/**
 * The core's services, wired together over one set of ports: licensing, dynamic membership (which licensing tells
 * whose plans changed, and which follows the directory with licensing), the directory, the subscription book and the
 * license check; {@code changes} hears the directory's changes last (change notifications). The server assembles them over its JDBC adapters, the in-memory test kit over in-memory ones — the
 * same way.
 */
public record CoreServices(
        Licensing licensing,
        RuleMemberships ruleMemberships,
        DynamicMembership dynamicMembership,
        MembershipPreview membershipPreview,
        TenantDirectory tenantDirectory,
        TenantDomains tenantDomains,
        UserDirectory userDirectory,
        GroupDirectory groupDirectory,
        SubscriptionBook subscriptionBook,
        LicenseCheck licenseCheck,
        SeatTakeBack seatTakeBack,
        OverageGrace overageGrace,
        LifecyclePolicy lifecyclePolicy,
        DirectToGroup directToGroup,
        DirectToGroupJob directToGroupJob,
        ScopeGuard scopeGuard,
        UnitDirectory unitDirectory,
        UnitMembers unitMembers,
        UnitDelegation unitDelegation,
        UnitOverview unitOverview) {

    /** The ports of what happens when capacity falls below use (issue 18). */
    public record CapacityPorts(SeatHolders holders, OverageClocks clocks, LifecycleSettings settings) {
        public CapacityPorts {
            Objects.requireNonNull(holders, "holders");
            Objects.requireNonNull(clocks, "clocks");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** What the services are built on. */
    public record Ports(
            Transactions transactions,
            Tenants tenants,
            TenantLocks tenantLocks,
            Users users,
            Groups groups,
            Memberships memberships,
            DynamicGroups dynamicGroups,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Seats seats,
            Assignments assignments,
            GroupLicenses groupLicenses,
            LicenseJobs licenseJobs,
            MembershipJobs membershipJobs,
            LicenseChecks licenseChecks,
            AuditLog audit,
            Clock clock,
            LicensingSettings settings,
            DirectoryListener changes,
            CapacityPorts capacity,
            RemovalGraces removalGraces,
            GroupOnlyPolicies groupOnlyPolicies,
            LicenseMigrations licenseMigrations,
            UnitPorts units) {

        public Ports {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(tenantLocks, "tenantLocks");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(dynamicGroups, "dynamicGroups");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(subscriptions, "subscriptions");
            Objects.requireNonNull(seats, "seats");
            Objects.requireNonNull(assignments, "assignments");
            Objects.requireNonNull(groupLicenses, "groupLicenses");
            Objects.requireNonNull(licenseJobs, "licenseJobs");
            Objects.requireNonNull(membershipJobs, "membershipJobs");
            Objects.requireNonNull(licenseChecks, "licenseChecks");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(capacity, "capacity");
            Objects.requireNonNull(removalGraces, "removalGraces");
            Objects.requireNonNull(groupOnlyPolicies, "groupOnlyPolicies");
            Objects.requireNonNull(licenseMigrations, "licenseMigrations");
            Objects.requireNonNull(units, "units");
        }
    }

    /** The ports of administrative units and the roles held over them (issue 19). */
    public record UnitPorts(Units units, UnitRoleAssignments roles, Allotments allotments) {
        public UnitPorts {
            Objects.requireNonNull(units, "units");
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(allotments, "allotments");
        }
    }

    public static CoreServices assemble(Ports p) {
        ScopeGuard guard = new ScopeGuard(p.units().units());
        RuleMemberships ruleMemberships = new RuleMemberships(
                p.dynamicGroups(),
                p.memberships(),
                p.groupLicenses(),
                p.assignments(),
                p.catalog(),
                p.tenants(),
                p.audit(),
                p.clock());
        Licensing licensing = new Licensing(
                p.transactions(),
                p.tenants(),
                p.tenantLocks(),
                p.users(),
                p.groups(),
                p.memberships(),
                p.catalog(),
                p.subscriptions(),
                p.seats(),
                p.assignments(),
                p.groupLicenses(),
                p.licenseJobs(),
                p.audit(),
                p.clock(),
                p.settings(),
                ruleMemberships,
                p.removalGraces(),
                p.groupOnlyPolicies(),
                guard,
                new Licensing.Pools(p.units().allotments(), p.units().units(), (tenant, id) -> p.units()
                        .units()
                        .find(tenant, new UnitId(id))
                        .isPresent()));
        UnitDirectory unitDirectory = new UnitDirectory(
                p.transactions(),
                p.units().units(),
                p.users(),
                p.groups(),
                p.dynamicGroups(),
                p.tenantLocks(),
                p.audit(),
                p.clock(),
                p.settings().chunkSize(),
                licensing.allotments()::unitMembersMoved,
                (tenant, unit) -> licensing.allotmentFigures().ownedBy(tenant, unit.value()));
        DynamicMembership dynamicMembership = new DynamicMembership(
                p.transactions(),
                ruleMemberships,
                p.dynamicGroups(),
                p.groups(),
                p.tenantLocks(),
                licensing.propagation(),
                p.membershipJobs(),
                p.settings());
        MembershipPreview membershipPreview = new MembershipPreview(
                p.transactions(),
                ruleMemberships,
                p.dynamicGroups(),
                p.groups(),
                p.groupLicenses(),
                p.assignments(),
                p.seats(),
                p.catalog(),
                p.tenants(),
                new MembershipPreview.Pools(
                        licensing.allotmentFigures(),
                        p.units().allotments(),
                        p.units().units()),
                p.settings().chunkSize());
        CapacityPorts capacity = p.capacity();
        SeatTakeBack seatTakeBack = licensing.seatTakeBack(capacity.holders(), capacity.clocks());
        OverageGrace overageGrace =
                licensing.overageGrace(seatTakeBack, capacity.holders(), capacity.clocks(), capacity.settings());
        SubscriptionBook book = new SubscriptionBook(
                p.transactions(),
                p.catalog(),
                p.subscriptions(),
                p.seats(),
                p.audit(),
                licensing.propagation(),
                new SubscriptionLifecycle(p.clock()),
                capacity.settings(),
                capacity.clocks(),
                seatTakeBack);
        UnitDelegation unitDelegation = new UnitDelegation(
                p.transactions(), p.units().units(), p.units().roles(), p.audit(), p.clock());
        DirectoryListener directory = DirectoryListeners.of(
                licensing.propagation(), dynamicMembership, unitDirectory.membership(), p.changes());
        GroupDirectory groupDirectory = new GroupDirectory(
                p.transactions(),
                p.tenantLocks(),
                p.users(),
                p.groups(),
                p.memberships(),
                p.audit(),
                directory,
                p.clock(),
                guard);
        DirectToGroup directToGroup = licensing.directToGroup(p.licenseMigrations());
        return new CoreServices(
                licensing,
                ruleMemberships,
                dynamicMembership,
                membershipPreview,
                new TenantDirectory(
                        p.transactions(), p.tenants(), p.tenantLocks(), p.audit(), licensing.propagation(), p.clock()),
                new TenantDomains(p.transactions(), p.tenants(), p.tenantLocks(), p.users(), p.audit(), p.clock()),
                new UserDirectory(
                        p.transactions(),
                        p.tenants(),
                        p.tenantLocks(),
                        p.users(),
                        p.audit(),
                        directory,
                        p.clock(),
                        guard),
                groupDirectory,
                book,
                licensing.check(p.licenseChecks()),
                seatTakeBack,
                overageGrace,
                new LifecyclePolicy(
                        p.transactions(),
                        p.tenantLocks(),
                        capacity.settings(),
                        p.subscriptions(),
                        book,
                        p.audit(),
                        p.clock()),
                directToGroup,
                licensing.directToGroupJob(directToGroup, p.licenseMigrations(), groupDirectory),
                guard,
                unitDirectory,
                new UnitMembers(
                        p.transactions(),
                        p.units().units(),
                        p.users(),
                        p.groups(),
                        p.audit(),
                        p.clock(),
                        p.tenantLocks(),
                        licensing.allotments()::unitMembersMoved),
                unitDelegation,
                new UnitOverview(p.transactions(), unitDirectory, unitDelegation));
    }
}
