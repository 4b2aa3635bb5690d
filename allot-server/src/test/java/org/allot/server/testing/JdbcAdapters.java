package org.allot.server.testing;

import java.time.Duration;
import javax.sql.DataSource;
import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.jobs.BackgroundLicensing;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.testing.MutableClock;
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
import org.allot.server.persistence.JdbcReclaimCandidates;
import org.allot.server.persistence.JdbcReclaimPolicies;
import org.allot.server.persistence.JdbcReclaimRuns;
import org.allot.server.persistence.JdbcRemovalGraces;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUnits;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.SharedSnapshots;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.JobRunner;
import org.allot.server.processing.LicenseCheckDryRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's JDBC adapters over one data source, with the core services assembled on them as the server assembles
 * them: what {@link PostgresInstallation} shows through the {@code Installation} interface.
 */
record JdbcAdapters(
        JdbcClient jdbc,
        UnitOfWork work,
        JdbcTenants tenants,
        JdbcUsers users,
        JdbcGroups groups,
        JdbcMemberships memberships,
        JdbcSubscriptions subscriptions,
        JdbcSeats seats,
        JdbcAllotments allotments,
        JdbcAssignments assignments,
        JdbcGroupLicenses groupLicenses,
        JdbcAuditLog audit,
        JdbcTenantLocks locks,
        JdbcLicenseJobs jobs,
        JdbcCapacity capacity,
        JdbcUnits units,
        ProductCatalog catalog,
        SharedSnapshots snapshots,
        LicensingSettings settings,
        MutableClock clock,
        CoreServices services) {

    static JdbcAdapters over(DataSource dataSource, Catalog builtIn, LicensingSettings settings, MutableClock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UnitOfWork work = new UnitOfWork(new DataSourceTransactionManager(dataSource));
        TenantStamps stamps = new TenantStamps(jdbc);
        JdbcUnits units = new JdbcUnits(jdbc, stamps);
        JdbcTenants tenants = new JdbcTenants(jdbc, stamps);
        JdbcUsers users = new JdbcUsers(jdbc, dataSource);
        JdbcGroups groups = new JdbcGroups(jdbc, stamps);
        JdbcMemberships memberships = new JdbcMemberships(dataSource, jdbc);
        JdbcSubscriptions subscriptions = new JdbcSubscriptions(jdbc, stamps);
        JdbcSeats seats = new JdbcSeats(jdbc);
        JdbcAllotments allotments = new JdbcAllotments(jdbc, stamps);
        JdbcAssignments assignments = new JdbcAssignments(dataSource, jdbc, stamps);
        JdbcGroupLicenses groupLicenses = new JdbcGroupLicenses(jdbc);
        JdbcAuditLog audit =
                new JdbcAuditLog(dataSource, jdbc, JsonMapper.builder().build());
        JdbcLicenseJobs jobs = new JdbcLicenseJobs(jdbc);
        ProductCatalog catalog = new ProductCatalog(
                work,
                builtIn,
                new JdbcProducts(jdbc, stamps),
                new JdbcPlanRules(jdbc, stamps),
                (tenant, sku) -> !subscriptions.ofSku(tenant, sku).isEmpty(),
                audit,
                clock);
        JdbcCapacity capacity = new JdbcCapacity(jdbc);
        JdbcTenantLocks locks = new JdbcTenantLocks(dataSource, jdbc, stamps);
        CoreServices services = CoreServices.assemble(new CoreServices.Ports(
                work,
                tenants,
                locks,
                users,
                groups,
                memberships,
                new JdbcDynamicGroups(jdbc, stamps),
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
                DirectoryListener.NONE,
                new CoreServices.CapacityPorts(capacity, capacity, capacity),
                new JdbcRemovalGraces(jdbc, stamps),
                new JdbcGroupOnlyPolicies(jdbc, stamps),
                new JdbcLicenseMigrations(jdbc),
                new CoreServices.UnitPorts(units, units, allotments)));
        return new JdbcAdapters(
                jdbc,
                work,
                tenants,
                users,
                groups,
                memberships,
                subscriptions,
                seats,
                allotments,
                assignments,
                groupLicenses,
                audit,
                locks,
                jobs,
                capacity,
                units,
                catalog,
                new SharedSnapshots(dataSource, jdbc),
                settings,
                clock,
                services);
    }

    /** A job runner of {@code count} worker threads (not started) over the job queue. */
    JobRunner workers(int count, Duration pollInterval) {
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

    /** Reclaim of unused licenses over this store, as the server assembles it. */
    Reclaim reclaim() {
        return new Reclaim(
                work,
                new JdbcReclaimPolicies(jdbc),
                new JdbcReclaimCandidates(jdbc),
                memberships,
                new JdbcReclaimRuns(jdbc),
                subscriptions,
                catalog,
                services.licensing().users(),
                audit,
                clock);
    }
}
