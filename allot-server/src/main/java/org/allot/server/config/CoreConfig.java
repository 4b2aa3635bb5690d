package org.allot.server.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryListener;
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

/** Builds the core services over the JDBC adapters ({@link PortsConfig}), explicitly, as every installation does. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
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

    @Bean
    LicensingSettings licensingSettings(AllotProperties properties) {
        AllotProperties.Processing p = properties.processing();
        return new LicensingSettings(p.inlineLimit(), p.chunkSize(), p.fillLimit());
    }
}
