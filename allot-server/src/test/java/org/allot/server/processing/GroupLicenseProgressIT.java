package org.allot.server.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicenseJobs;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.jobs.Job;
import org.allot.core.jobs.JobProgress;
import org.allot.core.testing.MutableClock;
import org.allot.server.persistence.CatalogFiles;
import org.allot.server.persistence.JdbcLicenseJobs;
import org.allot.server.testing.BulkDirectory;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where applying a group's licenses stands, as {@code allot group status --wait} shows it: a run queued in the
 * background has processed nobody yet, a run under way reports what its worker last recorded, a finished one has no
 * counts. A database of its own, so that no other test's worker takes the job.
 */
class GroupLicenseProgressIT {
    private final HikariDataSource database = TestDatabase.pool(TestDatabase.newDatabase(), 4);
    private final PostgresInstallation allot = new PostgresInstallation(
            database,
            CatalogFiles.builtIn(),
            new LicensingSettings(2, 2, 2_000),
            MutableClock.startingAt("2026-01-05T09:00:00Z"));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBackgroundRunReportsTheUsersItProcessedUntilItIsDone() {
        Caller admin = allot.newTenant("Progress");
        TenantId tenant = admin.tenant();
        Product e5 = allot.subscribe(admin, "SPE_E5", 10);
        GroupId group = allot.work()
                .run(() -> allot.groupDirectory().create(admin, Map.of(GroupAttribute.DISPLAY_NAME, "Five"), Set.of()))
                .value()
                .id();
        BulkDirectory.addUsers(allot.jdbc(), tenant, "progress", 5, "US");
        BulkDirectory.addMembers(allot.jdbc(), tenant, group, "progress", 5);
        GroupLicensing licensing = allot.licensing().groups();
        assertThat(licensing.processingOf(tenant, group).orElseThrow().underWay())
                .as("nothing under way before the change")
                .isNull();

        allot.work().run(() -> licensing.assign(admin, group, List.of(AssignedLicense.of(e5.skuId())), List.of()));
        GroupLicensing.Processing queued = licensing.processingOf(tenant, group).orElseThrow();
        assertThat(queued.state()).isEqualTo(ProcessingState.QueuedForProcessing);
        assertThat(queued.underWay()).isEqualTo(LicenseJobs.Progress.NONE);

        JdbcLicenseJobs jobs = new JdbcLicenseJobs(allot.jdbc());
        UUID worker = UUID.randomUUID();
        allot.work().run(() -> {
            Job job = jobs.claim(worker, Duration.ofMinutes(1)).orElseThrow();
            return jobs.progress(job, worker, Duration.ofMinutes(1), new JobProgress(true, null, 4, 3, 1));
        });
        assertThat(licensing.processingOf(tenant, group).orElseThrow().underWay())
                .as("what the worker recorded")
                .isEqualTo(new LicenseJobs.Progress(4, 3, 1));
        allot.work().run(() -> {
            jobs.releaseAll(worker);
            return null;
        });

        allot.runJobs();
        GroupLicensing.Processing done = licensing.processingOf(tenant, group).orElseThrow();
        assertThat(done.state()).isEqualTo(ProcessingState.ProcessingComplete);
        assertThat(done.underWay()).isNull();
        assertThat(licensing.processingOf(tenant, new GroupId(UUID.randomUUID())))
                .isEmpty();
    }
}
