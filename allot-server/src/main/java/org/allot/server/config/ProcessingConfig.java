package org.allot.server.config;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.directory.DeletedUserRetention;
import org.allot.core.directory.DirectoryDelta;
import org.allot.core.directory.UserDirectory;
import org.allot.core.jobs.BackgroundLicensing;
import org.allot.core.reclaim.Reclaim;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionCalendar;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.persistence.JdbcScheduledSteps;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.SharedSnapshots;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.ClusterSchedule;
import org.allot.server.processing.JobRunner;
import org.allot.server.processing.LicenseCheckDryRun;
import org.allot.server.processing.LicenseCheckSchedule;
import org.allot.server.processing.RetentionSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Background work: licensing jobs, the purge of deleted users past retention (and of the delta queries' change log), the
 * subscriptions' calendar and the overage grace period (on the same interval), and the scheduled license check.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProcessingConfig implements SchedulingConfigurer {
    private final AllotProperties properties;
    private final RetentionSweep sweep;
    private final ClusterSchedule schedule;
    private final LicenseCheckSchedule licenseChecks;
    private final DirectoryDelta delta;
    private final SubscriptionCalendar calendar;
    private final OverageGrace overageGrace;

    ProcessingConfig(
            AllotProperties properties,
            RetentionSweep sweep,
            LicenseCheckSchedule licenseChecks,
            DirectoryDelta delta,
            SubscriptionCalendar calendar,
            OverageGrace overageGrace,
            ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.overageGrace = overageGrace;
        this.calendar = calendar;
        this.sweep = sweep;
        this.licenseChecks = licenseChecks;
        this.delta = delta;
    }

    @Bean
    static JobRunner jobRunner(
            JdbcLicenseJobs jobs,
            Licensing licensing,
            DynamicMembership dynamicMembership,
            LicenseCheck licenseCheck,
            DirectToGroupJob migrations,
            UnitOfWork work,
            DataSource dataSource,
            JdbcClient jdbc,
            AllotProperties properties) {
        AllotProperties.Processing p = properties.processing();
        AllotProperties.Reconciliation r = properties.reconciliation();
        LicenseCheckDryRun dryRuns = new LicenseCheckDryRun(
                licenseCheck, work, new SharedSnapshots(dataSource, jdbc), r.dryRunRange(), r.dryRunThreads());
        BackgroundLicensing background = new BackgroundLicensing(
                jobs, work, licensing, dynamicMembership, licenseCheck, dryRuns, migrations, p.chunkSize(), p.lease());
        return new JobRunner(background, dryRuns, p.workers(), p.pollInterval());
    }

    @Bean
    static LicenseCheckSchedule licenseCheckSchedule(LicenseCheck licenseCheck, AllotProperties properties) {
        AllotProperties.Reconciliation r = properties.reconciliation();
        return new LicenseCheckSchedule(licenseCheck, r.interval(), r.repair());
    }

    @Bean
    static RetentionSweep retentionSweep(
            JdbcTenants tenants,
            JdbcUsers users,
            UserDirectory directory,
            UnitOfWork work,
            Reclaim reclaim,
            Clock clock) {
        return new RetentionSweep(new DeletedUserRetention(work, tenants, users, directory, clock), reclaim);
    }

    @Bean
    static SubscriptionCalendar subscriptionCalendar(
            UnitOfWork work, JdbcSubscriptions subscriptions, SubscriptionBook book, Clock clock) {
        return new SubscriptionCalendar(work, subscriptions, book, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration sweepEvery = properties.processing().retentionSweep();
        Duration calendarEvery = properties.processing().subscriptionCalendar();
        registrar.addFixedDelayTask(schedule.once("retention-sweep", sweepEvery, sweep::sweep), sweepEvery);
        registrar.addFixedDelayTask(schedule.once("delta-retention", sweepEvery, delta::forgetExpired), sweepEvery);
        registrar.addFixedDelayTask(
                schedule.once("subscription-calendar", calendarEvery, calendar::advance), calendarEvery);
        registrar.addFixedDelayTask(
                schedule.once("overage-grace", calendarEvery, overageGrace::advance), calendarEvery);
        if (properties.reconciliation().scheduled()) {
            Duration checkEvery = properties.reconciliation().pollInterval();
            registrar.addFixedDelayTask(
                    schedule.once("license-check-schedule", checkEvery, licenseChecks::startDue), checkEvery);
        }
    }

    /** Periodic steps run once per period across the servers sharing the database (docs/scale-out.md). */
    @Bean
    static ClusterSchedule clusterSchedule(JdbcClient jdbc, AllotProperties properties) {
        return new ClusterSchedule(
                new JdbcScheduledSteps(jdbc),
                nodeName(properties.cluster().nodeName()),
                properties.cluster().nodes() > 1);
    }

    /** The configured name, or the host's name and this process's id. */
    static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
