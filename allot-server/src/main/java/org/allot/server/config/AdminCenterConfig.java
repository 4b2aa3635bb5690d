package org.allot.server.config;

import java.time.Clock;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.query.JdbcLicenseQueries;
import org.allot.server.security.AdminAccounts;
import org.allot.server.security.JdbcAdminAccounts;
import org.allot.server.web.admin.GroupViews;
import org.allot.server.web.admin.LicenseCheckViews;
import org.allot.server.web.admin.Members;
import org.allot.server.web.admin.ProductChoices;
import org.allot.server.web.admin.UserViews;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The admin center's read models and the accounts that sign in to it. */
@Configuration(proxyBeanMethods = false)
class AdminCenterConfig {

    @Bean
    JdbcLicenseQueries licenseQueries(JdbcClient jdbc, JdbcAssignments assignments) {
        return new JdbcLicenseQueries(jdbc, assignments);
    }

    @Bean
    AdminAccounts adminAccountService(
            JdbcAdminAccounts store, PasswordEncoder passwords, JdbcAuditLog audit, Clock clock) {
        return new AdminAccounts(store, passwords, audit, clock);
    }

    @Bean
    ProductChoices productChoices(ProductCatalog catalog, SubscriptionBook subscriptions) {
        return new ProductChoices(catalog, subscriptions);
    }

    @Bean
    UserViews userViews(ProductCatalog catalog, UserLicensing licensing, LicenseQueries queries) {
        return new UserViews(catalog, licensing, queries);
    }

    @Bean
    GroupViews groupViews(
            ProductCatalog catalog,
            UserLicensing licensing,
            DirectoryQueries directory,
            LicenseQueries queries,
            JdbcMemberships memberships,
            UserViews users) {
        return new GroupViews(catalog, licensing, directory, queries, memberships, users);
    }

    @Bean
    LicenseCheckViews licenseCheckViews(LicenseCheck check, ProductCatalog catalog, LicenseQueries queries) {
        return new LicenseCheckViews(check, catalog, queries);
    }

    @Bean
    Members members(DirectoryQueries queries, JdbcGroups groups) {
        return new Members(queries, groups);
    }
}
