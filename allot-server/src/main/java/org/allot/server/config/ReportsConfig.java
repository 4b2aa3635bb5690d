package org.allot.server.config;

import java.time.Clock;
import org.allot.core.Transactions;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.report.Chargeback;
import org.allot.core.report.HolderExport;
import org.allot.core.report.ReportViews;
import org.allot.core.report.UsageHistory;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUsageSnapshots;
import org.allot.server.persistence.query.JdbcHoldings;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Costs and reports: the cost report, the holders export, and the usage history with its daily snapshot. */
@Configuration(proxyBeanMethods = false)
class ReportsConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final ReportProperties properties;
    private final UsageHistory history;

    ReportsConfig(ReportProperties properties, UsageHistory history, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.history = history;
    }

    @Bean
    static JdbcHoldings holdings(JdbcClient jdbc) {
        return new JdbcHoldings(jdbc);
    }

    @Bean
    static JdbcUsageSnapshots usageSnapshots(JdbcClient jdbc, Clock clock) {
        return new JdbcUsageSnapshots(jdbc, clock);
    }

    @Bean
    static Chargeback chargeback(
            Transactions transactions,
            ProductCatalog catalog,
            JdbcSubscriptions subscriptions,
            JdbcHoldings holdings,
            Clock clock) {
        return new Chargeback(transactions, catalog, subscriptions, holdings, clock);
    }

    @Bean
    static HolderExport holderExport(Transactions transactions, JdbcHoldings holdings) {
        return new HolderExport(transactions, holdings);
    }

    @Bean
    static UsageHistory usageHistory(
            Transactions transactions,
            JdbcTenants tenants,
            SubscriptionBook book,
            JdbcUsageSnapshots snapshots,
            Reclaim reclaim,
            Clock clock) {
        return new UsageHistory(transactions, tenants, book, snapshots, reclaim::reclaimable, clock);
    }

    @Bean
    static ReportViews reportViews(
            Transactions transactions,
            Chargeback chargeback,
            UsageHistory history,
            SubscriptionBook book,
            org.allot.core.assignment.AllotmentFigures allotments) {
        return new ReportViews(transactions, chargeback, history, book, allotments);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.usageSnapshot().isZero()) {
            registrar.addFixedDelayTask(
                    schedule.once("usage-snapshot", properties.usageSnapshot(), history::snapshotAll),
                    properties.usageSnapshot());
        }
    }
}
