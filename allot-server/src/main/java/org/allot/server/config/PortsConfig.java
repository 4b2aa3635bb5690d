package org.allot.server.config;

import javax.sql.DataSource;
import org.allot.core.catalog.Catalog;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcCapacity;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcLicenseChecks;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcPlanRules;
import org.allot.server.persistence.JdbcProducts;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcSubscriptions;
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

/** Wires the core's ports to their JDBC adapters, explicitly. */
@Configuration(proxyBeanMethods = false)
class PortsConfig {

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
    JdbcUnits jdbcUnits(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcUnits(jdbc, stamps);
    }

    @Bean
    JdbcCapacity jdbcCapacity(JdbcClient jdbc) {
        return new JdbcCapacity(jdbc);
    }
}
