package org.allot.server.config;

import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.PendingRemovals;
import org.allot.server.processing.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Grace on removal: the use case, and the step that frees the licenses whose grace has ended on every server every
 * {@code allot.processing.pending-removals} (each user once, whichever server gets there first).
 */
@Configuration(proxyBeanMethods = false)
class PendingRemovalConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final AllotProperties properties;
    private final PendingRemovals removals;

    PendingRemovalConfig(AllotProperties properties, PendingRemovals removals, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.removals = removals;
    }

    @Bean
    static PendingRemovals pendingRemovals(Licensing licensing) {
        return licensing.pendingRemovals();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                schedule.once("pending-removals", properties.processing().pendingRemovals(), removals::freeDue),
                properties.processing().pendingRemovals());
    }
}
