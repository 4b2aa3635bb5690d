package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * An idle worker starts a job as soon as the unit of work that queued it commits, not at its next look: here the
 * workers look once an hour, so without the signal the group's licenses would not be applied while the test waits.
 */
class JobWakeIT {
    @Test
    void aQueuedJobStartsWhenItsUnitOfWorkCommits() throws InterruptedException {
        PostgresInstallation allot = new PostgresInstallation(
                TestDatabase.shared(),
                CatalogFiles.builtIn(),
                new LicensingSettings(2, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        Caller admin = allot.newTenant("Woken");
        TenantId tenant = admin.tenant();
        Product e5 = allot.subscribe(admin, "SPE_E5", 10);
        GroupId group = allot.work()
                .run(() -> allot.groupDirectory().create(admin, Map.of(GroupAttribute.DISPLAY_NAME, "Five"), Set.of()))
                .value()
                .id();
        BulkDirectory.addUsers(allot.jdbc(), tenant, "woken", 5, "US");
        BulkDirectory.addMembers(allot.jdbc(), tenant, group, "woken", 5);
        JobRunner runner = allot.workers(1, Duration.ofHours(1));
        runner.start();
        try {
            Thread.sleep(500); // the worker's first look finds nothing; its next is an hour away
            allot.work().run(() -> allot.licensing()
                    .groups()
                    .assign(admin, group, List.of(AssignedLicense.of(e5.skuId())), List.of()));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> allot.work().read(() -> allot.groupLicenses().state(tenant, group))
                            == ProcessingState.ProcessingComplete);
            assertThat(allot.seats().all(tenant).get(e5.skuId()).consumed()).isEqualTo(5);
        } finally {
            runner.stop();
        }
    }
}
