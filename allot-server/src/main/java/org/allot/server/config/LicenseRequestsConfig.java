package org.allot.server.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.allot.core.Transactions;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.UserManagers;
import org.allot.core.request.RequestBook;
import org.allot.core.request.RequestDecisions;
import org.allot.core.request.RequestExpiry;
import org.allot.core.request.RequestPorts;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcChangeSubscriptions;
import org.allot.server.persistence.JdbcFiledRequests;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcManagers;
import org.allot.server.persistence.JdbcNotificationOutbox;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Users' managers and license requests: their stores, use cases and the expiry step's schedule. */
@Configuration(proxyBeanMethods = false)
class LicenseRequestsConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final LicenseRequestProperties properties;
    private final RequestExpiry expiry;

    LicenseRequestsConfig(LicenseRequestProperties properties, RequestExpiry expiry, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.expiry = expiry;
    }

    @Bean
    static JdbcManagers managers(JdbcClient jdbc) {
        return new JdbcManagers(jdbc);
    }

    @Bean
    static JdbcFiledRequests filedRequests(JdbcClient jdbc) {
        return new JdbcFiledRequests(jdbc);
    }

    @Bean
    static UserManagers userManagers(
            Transactions transactions,
            DataSource dataSource,
            JdbcClient jdbc,
            TenantStamps stamps,
            JdbcUsers users,
            JdbcManagers managers,
            JdbcAuditLog audit,
            Clock clock) {
        return new UserManagers(
                transactions, new JdbcTenantLocks(dataSource, jdbc, stamps), users, managers, audit, clock);
    }

    @Bean
    static RequestPorts requestPorts(
            JdbcFiledRequests requests,
            JdbcTenants tenants,
            JdbcUsers users,
            JdbcManagers managers,
            ProductCatalog catalog,
            SubscriptionBook book,
            UserLicensing licensing,
            GroupDirectory groups,
            JdbcGroupLicenses groupLicenses,
            JdbcAssignments assignments,
            JdbcChangeSubscriptions changeSubscriptions,
            JdbcNotificationOutbox outbox,
            JdbcAuditLog audit,
            org.allot.server.persistence.JdbcUnits units,
            org.allot.core.timebound.TimeBoundGrants timeBound) {
        return new RequestPorts(
                requests,
                tenants,
                users,
                managers,
                catalog,
                book,
                licensing,
                groups,
                groupLicenses,
                assignments,
                changeSubscriptions,
                outbox,
                audit,
                units,
                timeBound);
    }

    @Bean
    static RequestBook requestBook(Transactions transactions, RequestPorts ports, Clock clock) {
        return new RequestBook(transactions, ports, clock);
    }

    @Bean
    static RequestDecisions requestDecisions(Transactions transactions, RequestPorts ports, Clock clock) {
        return new RequestDecisions(transactions, ports, clock);
    }

    @Bean
    static RequestExpiry requestExpiry(Transactions transactions, RequestPorts ports, Clock clock) {
        return new RequestExpiry(transactions, ports, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.expiryInterval().isZero()) {
            registrar.addFixedDelayTask(
                    schedule.once("request-expiry", properties.expiryInterval(), expiry::expireAll),
                    properties.expiryInterval());
        }
    }
}
