package org.allot.server.config;

import java.time.Clock;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcAdminAccounts;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.AdminAccounts;
import org.allot.server.web.admin.LicenseCheckViews;
import org.allot.server.web.admin.PoolOwners;
import org.allot.server.web.admin.ProductChoices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The admin center's read models and the accounts that sign in to it. */
@Configuration(proxyBeanMethods = false)
class AdminCenterConfig {

    @Bean
    AdminAccounts adminAccountService(
            UnitOfWork work, JdbcAdminAccounts store, PasswordEncoder passwords, JdbcAuditLog audit, Clock clock) {
        return new AdminAccounts(work, store, passwords, audit, clock);
    }

    @Bean
    ProductChoices productChoices(ProductCatalog catalog, SubscriptionBook subscriptions) {
        return new ProductChoices(catalog, subscriptions);
    }

    @Bean
    PoolOwners poolOwners(DirectorySearch search) {
        return new PoolOwners(search);
    }

    @Bean
    LicenseCheckViews licenseCheckViews(LicensingViews views) {
        return new LicenseCheckViews(views);
    }
}
