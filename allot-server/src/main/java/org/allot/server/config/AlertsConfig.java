package org.allot.server.config;

import java.time.Clock;
import org.allot.core.Transactions;
import org.allot.core.alert.AlertPolicy;
import org.allot.core.alert.AlertWatch;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcAlerts;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcChangeSubscriptions;
import org.allot.server.persistence.JdbcNotificationOutbox;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Alerts: their rules and store, the watch and its schedule (docs/alerts.md). */
@Configuration(proxyBeanMethods = false)
class AlertsConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final AlertProperties properties;
    private final AlertWatch watch;

    AlertsConfig(AlertProperties properties, AlertWatch watch, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.watch = watch;
    }

    @Bean
    static JdbcAlerts alerts(JdbcClient jdbc) {
        return new JdbcAlerts(jdbc);
    }

    @Bean
    static AlertWatch alertWatch(
            Transactions transactions,
            JdbcTenants tenants,
            SubscriptionBook book,
            JdbcAlerts alerts,
            JdbcChangeSubscriptions subscriptions,
            JdbcNotificationOutbox outbox,
            Clock clock) {
        return new AlertWatch(
                transactions, new AlertWatch.Ports(tenants, book, alerts, alerts, subscriptions, outbox), clock);
    }

    @Bean
    static AlertPolicy alertPolicy(
            Transactions transactions, JdbcAlerts alerts, AlertWatch watch, JdbcAuditLog audit, Clock clock) {
        return new AlertPolicy(transactions, alerts, watch, audit, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.interval().isZero()) {
            registrar.addFixedDelayTask(
                    schedule.once("alerts", properties.interval(), watch::evaluateAll), properties.interval());
        }
    }
}
