package org.allot.server.config;

import java.time.Clock;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.rules.RuleMemberships;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcDynamicGroups;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.processing.JdbcLicenseJobs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dynamic groups: rule-based membership (told by licensing whose plans changed, so it is built before licensing),
 * the directory listener that applies rules (built after licensing, whose propagation it feeds), and the preview.
 */
@Configuration(proxyBeanMethods = false)
class DynamicGroupsConfig {

    @Bean
    JdbcDynamicGroups dynamicGroups(JdbcClient jdbc) {
        return new JdbcDynamicGroups(jdbc);
    }

    @Bean
    RuleMemberships ruleMemberships(
            JdbcDynamicGroups dynamicGroups,
            JdbcMemberships memberships,
            JdbcGroupLicenses groupLicenses,
            JdbcAssignments assignments,
            ProductCatalog catalog,
            JdbcTenants tenants,
            JdbcAuditLog auditLog,
            Clock clock) {
        return new RuleMemberships(
                dynamicGroups, memberships, groupLicenses, assignments, catalog, tenants, auditLog, clock);
    }

    @Bean
    DynamicMembership dynamicMembership(
            RuleMemberships ruleMemberships,
            JdbcDynamicGroups dynamicGroups,
            JdbcGroups groups,
            Licensing licensing,
            JdbcLicenseJobs jobs,
            LicensingSettings settings) {
        return new DynamicMembership(ruleMemberships, dynamicGroups, groups, licensing.propagation(), jobs, settings);
    }

    @Bean
    MembershipPreview membershipPreview(
            RuleMemberships ruleMemberships,
            JdbcDynamicGroups dynamicGroups,
            JdbcGroups groups,
            JdbcGroupLicenses groupLicenses,
            JdbcAssignments assignments,
            JdbcSeats seats,
            ProductCatalog catalog,
            JdbcTenants tenants,
            LicensingSettings settings) {
        return new MembershipPreview(
                ruleMemberships,
                dynamicGroups,
                groups,
                groupLicenses,
                assignments,
                seats,
                catalog,
                tenants,
                settings.chunkSize());
    }
}
