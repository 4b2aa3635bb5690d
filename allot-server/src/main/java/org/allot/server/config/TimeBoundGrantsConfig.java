package org.allot.server.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.timebound.TimeBoundGrants;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.JdbcTimedGrants;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Time-bound grants (docs/delegation.md): the use case, and the step that starts and ends the due grants on every
 * server every {@code allot.processing.time-bound-grants} (each grant once, whichever server gets there first; 0: off
 * on this server).
 */
@Configuration(proxyBeanMethods = false)
class TimeBoundGrantsConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final AllotProperties properties;
    private final TimeBoundGrants grants;

    TimeBoundGrantsConfig(AllotProperties properties, TimeBoundGrants grants, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.grants = grants;
    }

    @Bean
    static TimeBoundGrants timeBoundGrants(
            UnitOfWork work,
            DataSource dataSource,
            JdbcClient jdbc,
            TenantStamps stamps,
            JdbcUsers users,
            JdbcGroups groups,
            JdbcMemberships memberships,
            ProductCatalog catalog,
            UserLicensing licensing,
            GroupDirectory directory,
            JdbcAuditLog audit,
            ScopeGuard guard,
            Clock clock) {
        return new TimeBoundGrants(
                new TimeBoundGrants.Ports(
                        work,
                        new JdbcTenantLocks(dataSource, jdbc, stamps),
                        users,
                        groups,
                        memberships,
                        catalog,
                        licensing,
                        directory,
                        new JdbcTimedGrants(jdbc),
                        audit,
                        guard),
                clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.processing().timeBoundGrants().isZero()) {
            registrar.addFixedDelayTask(
                    schedule.once(
                            "time-bound-grants", properties.processing().timeBoundGrants(), () -> grants.runDue()),
                    properties.processing().timeBoundGrants());
        }
    }
}
