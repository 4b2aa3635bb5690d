package org.allot.server.config;

import org.allot.core.assignment.Licensing;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.UserDirectory;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.demo.DemoTenant;
import org.allot.server.persistence.UnitOfWork;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the demo tenant on start when {@code allot.demo.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("allot.demo.enabled")
class DemoConfig {

    @Bean
    DemoTenant demoTenant(
            TenantDirectory tenantDirectory,
            UserDirectory users,
            GroupDirectory groups,
            SubscriptionBook subscriptions,
            ProductCatalog catalog,
            Licensing licensing,
            UnitOfWork work) {
        return new DemoTenant(tenantDirectory, users, groups, subscriptions, catalog, licensing, work);
    }

    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner createDemoTenant(DemoTenant demo, AllotProperties properties) {
        return args -> demo.ensure(
                properties.tenantDefaults().defaultUsageLocation(),
                properties.demo().seed());
    }
}
