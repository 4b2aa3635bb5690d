package org.allot.server.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.GroupOnly;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicensesAndLocation;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.assignment.SeatTakeBack;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupMembers;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantDomains;
import org.allot.core.directory.UserDirectory;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.persistence.JdbcAllotments;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcCapacity;
import org.allot.server.persistence.JdbcDynamicGroups;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcGroupOnlyPolicies;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcLicenseChecks;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.persistence.JdbcLicenseMigrations;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcPlanRules;
import org.allot.server.persistence.JdbcProducts;
import org.allot.server.persistence.JdbcRemovalGraces;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUnits;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.persistence.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Wires the core's ports to their JDBC adapters and builds the core services, explicitly. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UnitOfWork unitOfWork(PlatformTransactionManager transactions) {
        return new UnitOfWork(transactions);
    }

    @Bean
    Catalog builtInCatalog() {
        return CatalogFiles.builtIn();
    }

    /** What changes rarely per tenant, remembered while its stamp stays where it was. */
    @Bean
    TenantStamps tenantStamps(JdbcClient jdbc) {
        return new TenantStamps(jdbc);
    }

    @Bean
    JdbcTenants tenants(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcTenants(jdbc, stamps);
    }

    @Bean
    JdbcUsers users(JdbcClient jdbc, DataSource dataSource) {
        return new JdbcUsers(jdbc, dataSource);
    }

    @Bean
    JdbcGroups groups(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcGroups(jdbc, stamps);
    }

    @Bean
    JdbcMemberships memberships(DataSource dataSource, JdbcClient jdbc) {
        return new JdbcMemberships(dataSource, jdbc);
    }

    @Bean
    JdbcProducts products(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcProducts(jdbc, stamps);
    }

    @Bean
    JdbcPlanRules planRules(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcPlanRules(jdbc, stamps);
    }

    @Bean
    JdbcSubscriptions subscriptions(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcSubscriptions(jdbc, stamps);
    }

    @Bean
    JdbcSeats seats(JdbcClient jdbc) {
        return new JdbcSeats(jdbc);
    }

    @Bean
    JdbcAssignments assignments(DataSource dataSource, JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcAssignments(dataSource, jdbc, stamps);
    }

    @Bean
    JdbcGroupLicenses groupLicenses(JdbcClient jdbc) {
        return new JdbcGroupLicenses(jdbc);
    }

    @Bean
    JdbcAuditLog auditLog(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        return new JdbcAuditLog(dataSource, jdbc, json);
    }

    @Bean
    JdbcLicenseChecks licenseChecks(DataSource dataSource, JdbcClient jdbc) {
        return new JdbcLicenseChecks(dataSource, jdbc);
    }

    @Bean
    JdbcLicenseJobs licenseJobs(JdbcClient jdbc) {
        return new JdbcLicenseJobs(jdbc);
    }

    @Bean
    ProductCatalog productCatalog(
            UnitOfWork work,
            Catalog builtInCatalog,
            JdbcProducts products,
            JdbcPlanRules planRules,
            JdbcSubscriptions subscriptions,
            JdbcAuditLog auditLog,
            Clock clock) {
        return new ProductCatalog(
                work,
                builtInCatalog,
                products,
                planRules,
                (tenant, sku) -> !subscriptions.ofSku(tenant, sku).isEmpty(),
                auditLog,
                clock);
    }

    /** The core's services over the JDBC adapters, wired as every installation wires them. */
    @Bean
    CoreServices coreServices(
            UnitOfWork work,
            DataSource dataSource,
            JdbcClient jdbc,
            TenantStamps stamps,
            JdbcTenants tenants,
            JdbcUsers users,
            JdbcGroups groups,
            JdbcMemberships memberships,
            JdbcDynamicGroups dynamicGroups,
            ProductCatalog catalog,
            JdbcSubscriptions subscriptions,
            JdbcSeats seats,
            JdbcAssignments assignments,
            JdbcGroupLicenses groupLicenses,
            JdbcLicenseJobs jobs,
            JdbcLicenseChecks licenseChecks,
            JdbcAuditLog auditLog,
            Clock clock,
            LicensingSettings settings,
            JdbcCapacity capacity,
            JdbcUnits units) {
        return CoreServices.assemble(new CoreServices.Ports(
                work,
                tenants,
                new JdbcTenantLocks(dataSource, jdbc, stamps),
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
                auditLog,
                clock,
                settings,
                DirectoryListener.NONE,
                new CoreServices.CapacityPorts(capacity, capacity, capacity),
                new JdbcRemovalGraces(jdbc, stamps),
                new JdbcGroupOnlyPolicies(jdbc, stamps),
                new JdbcLicenseMigrations(jdbc),
                new CoreServices.UnitPorts(units, units, new JdbcAllotments(jdbc, stamps))));
    }

    /** Allotments: capped pools of a product's seats (docs/delegation.md#allotments). */
    @Bean
    SeatAllotments seatAllotments(Licensing licensing) {
        return licensing.allotments();
    }

    /** Allotments as readers see them: the pools with their figures (docs/delegation.md#allotments). */
    @Bean
    AllotmentFigures allotmentFigures(Licensing licensing) {
        return licensing.allotmentFigures();
    }

    /** The group-only policy (docs/delegation.md). */
    @Bean
    GroupOnly groupOnly(Licensing licensing) {
        return licensing.groupOnly();
    }

    /** The direct → group migration assistant (docs/delegation.md). */
    @Bean
    DirectToGroup directToGroup(CoreServices services) {
        return services.directToGroup();
    }

    @Bean
    DirectToGroupJob directToGroupJob(CoreServices services) {
        return services.directToGroupJob();
    }

    @Bean
    JdbcUnits jdbcUnits(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcUnits(jdbc, stamps);
    }

    /** What a caller scoped to administrative units may see and change (docs/delegation.md). */
    @Bean
    org.allot.core.directory.ScopeGuard scopeGuard(CoreServices services) {
        return services.scopeGuard();
    }

    @Bean
    org.allot.core.unit.UnitDirectory unitDirectory(CoreServices services) {
        return services.unitDirectory();
    }

    @Bean
    org.allot.core.unit.UnitMembers unitMembers(CoreServices services) {
        return services.unitMembers();
    }

    @Bean
    org.allot.core.unit.UnitOverview unitOverview(CoreServices services) {
        return services.unitOverview();
    }

    @Bean
    org.allot.core.unit.UnitDelegation unitDelegation(CoreServices services) {
        return services.unitDelegation();
    }

    @Bean
    JdbcCapacity jdbcCapacity(JdbcClient jdbc) {
        return new JdbcCapacity(jdbc);
    }

    /** Seats taken back when capacity falls below use: at once for a deleted subscription, after the grace period. */
    @Bean
    SeatTakeBack seatTakeBack(CoreServices services) {
        return services.seatTakeBack();
    }

    @Bean
    OverageGrace overageGrace(CoreServices services) {
        return services.overageGrace();
    }

    /** The tenants' lifecycle periods: Warning, Suspended, overage grace. */
    @Bean
    LifecyclePolicy lifecyclePolicy(CoreServices services) {
        return services.lifecyclePolicy();
    }

    @Bean
    Licensing licensing(CoreServices services) {
        return services.licensing();
    }

    @Bean
    LicenseCheck licenseCheck(CoreServices services) {
        return services.licenseCheck();
    }

    @Bean
    LicensingSettings licensingSettings(AllotProperties properties) {
        AllotProperties.Processing p = properties.processing();
        return new LicensingSettings(p.inlineLimit(), p.chunkSize(), p.fillLimit());
    }

    @Bean
    TenantDirectory tenantDirectory(CoreServices services) {
        return services.tenantDirectory();
    }

    @Bean
    TenantDomains tenantDomains(CoreServices services) {
        return services.tenantDomains();
    }

    /** Licensing and dynamic membership both follow the users and groups of the directory. */
    @Bean
    UserDirectory userDirectory(CoreServices services) {
        return services.userDirectory();
    }

    /** A user's usage location and licenses in one step; a product for many users, every refusal named. */
    @Bean
    LicensesAndLocation licensesAndLocation(
            UnitOfWork work,
            UserLicensing licensing,
            UserDirectory directory,
            JdbcUsers users,
            org.allot.core.directory.ScopeGuard guard) {
        return new LicensesAndLocation(work, licensing, directory, users, guard);
    }

    @Bean
    GroupDirectory groupDirectory(CoreServices services) {
        return services.groupDirectory();
    }

    /** Groups created or changed with the members they are given (members@odata.bind), all or nothing. */
    @Bean
    GroupMembers groupMembers(
            UnitOfWork work, DataSource dataSource, JdbcClient jdbc, TenantStamps stamps, GroupDirectory directory) {
        return new GroupMembers(work, new JdbcTenantLocks(dataSource, jdbc, stamps), directory);
    }

    @Bean
    SubscriptionBook subscriptionBook(CoreServices services) {
        return services.subscriptionBook();
    }
}
