package org.allot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** {@code allot.processing.reclaim=0} turns the daily reclaim run off on a server, as the usage snapshot's 0 does. */
class ReclaimScheduleTest {
    private static ScheduledTaskRegistrar scheduled(String reclaim) {
        AllotProperties properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("allot.processing.reclaim", reclaim)))
                .bindOrCreate("allot", AllotProperties.class);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        new ReclaimConfig(properties, null, new org.allot.server.processing.ClusterSchedule(null, "test", false))
                .configureTasks(registrar);
        return registrar;
    }

    @Test
    void zeroTurnsTheScheduledRunOffInsteadOfFailingTheStart() {
        ScheduledTaskRegistrar off = scheduled("0");
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try {
            off.setTaskScheduler(scheduler);
            assertThatCode(off::afterPropertiesSet).doesNotThrowAnyException();
            assertThat(off.getFixedDelayTaskList()).isEmpty();
            assertThat(scheduled("1h").getFixedDelayTaskList()).hasSize(1);
        } finally {
            off.destroy();
            scheduler.shutdown();
        }
    }
}
