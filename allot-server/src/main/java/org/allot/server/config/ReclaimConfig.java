package org.allot.server.config;

import java.time.Clock;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.reclaim.SignInActivity;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcReclaimCandidates;
import org.allot.server.persistence.JdbcReclaimPolicies;
import org.allot.server.persistence.JdbcReclaimRuns;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reclaim of unused licenses: users' activity signals, the policies, the runs on demand and the daily run on a
 * schedule (docs/license-lifecycle.md, "Reclaim").
 */
@Configuration(proxyBeanMethods = false)
class ReclaimConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final AllotProperties properties;
    private final Reclaim reclaim;

    ReclaimConfig(AllotProperties properties, Reclaim reclaim, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.reclaim = reclaim;
    }

    @Bean
    static JdbcActivitySignals activitySignals(JdbcClient jdbc) {
        return new JdbcActivitySignals(jdbc);
    }

    @Bean
    static SignInActivity signInActivity(
            UnitOfWork work, JdbcUsers users, JdbcActivitySignals signals, JdbcAuditLog audit, Clock clock) {
        return new SignInActivity(work, users, signals, audit, clock);
    }

    @Bean
    static Reclaim reclaim(
            UnitOfWork work,
            JdbcClient jdbc,
            JdbcMemberships memberships,
            JdbcSubscriptions subscriptions,
            ProductCatalog catalog,
            UserLicensing licensing,
            JdbcAuditLog audit,
            Clock clock) {
        return new Reclaim(
                work,
                new JdbcReclaimPolicies(jdbc),
                new JdbcReclaimCandidates(jdbc),
                memberships,
                new JdbcReclaimRuns(jdbc),
                subscriptions,
                catalog,
                licensing,
                audit,
                clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.processing().reclaim().isZero()) {
            registrar.addFixedDelayTask(
                    schedule.once("reclaim", properties.processing().reclaim(), () -> reclaim.runScheduled()),
                    properties.processing().reclaim());
        }
    }
}
