package org.allot.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.LicenseJobs;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.SeatTally;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipJobs;

/** Background jobs held in memory until the test runs them, as the server's job runner would. */
public final class InMemoryLicenseJobs implements LicenseJobs, MembershipJobs {
    private record Job(TenantId tenant, Object target) {}

    /** A dynamic group whose members are to be recomputed. */
    private record Recompute(GroupId group) {}

    /** A run of the license check. */
    private record Check(LicenseCheckRunId run) {}

    /** A run of the direct → group migration. */
    private record Migrate(java.util.UUID run) {}

    private final Set<Job> queued = new LinkedHashSet<>();
    private final Set<Job> running = new LinkedHashSet<>();

    @Override
    public synchronized void reconcileGroup(TenantId tenant, GroupId group) {
        queued.add(new Job(tenant, group));
    }

    @Override
    public synchronized void fillWaitingList(TenantId tenant, SkuId sku) {
        queued.add(new Job(tenant, sku));
    }

    @Override
    public synchronized void checkLicenses(TenantId tenant, LicenseCheckRunId run) {
        queued.add(new Job(tenant, new Check(run)));
    }

    @Override
    public synchronized void migrateToGroups(TenantId tenant, java.util.UUID run) {
        queued.add(new Job(tenant, new Migrate(run)));
    }

    @Override
    public synchronized void recomputeMembership(TenantId tenant, GroupId group) {
        queued.add(new Job(tenant, new Recompute(group)));
    }

    @Override
    public synchronized boolean licensingUnderWay(TenantId tenant) {
        return java.util.stream.Stream.concat(queued.stream(), running.stream())
                .anyMatch(j -> j.tenant().equals(tenant) && !(j.target() instanceof Check));
    }

    @Override
    public synchronized java.util.Optional<Progress> groupUnderWay(TenantId tenant, GroupId group) {
        Job job = new Job(tenant, group);
        return queued.contains(job) || running.contains(job)
                ? java.util.Optional.of(Progress.NONE)
                : java.util.Optional.empty();
    }

    public synchronized int pending() {
        return queued.size();
    }

    /**
     * A dry run as the server's workers carry it out: ranges of users of about {@code size} each (in two parts at once
     * there) examined apart and recorded in order, then the seat figures against what the ranges counted.
     */
    private static void dryRun(LicenseCheck check, TenantId tenant, LicenseCheckRunId run, int size) {
        check.begin(tenant, run);
        SeatTally counted = SeatTally.none();
        for (UserRange range : check.ranges(tenant, null, size, 2)) {
            LicenseCheck.Findings findings = check.examine(tenant, run, range, size);
            counted = counted.plus(findings.seats());
            check.record(tenant, run, findings);
        }
        check.record(tenant, run, check.seatsCounted(counted));
        check.finish(tenant, run);
    }

    /** Runs queued jobs, and the jobs they queue, until none is left; returns how many ran. */
    public int runAll(
            Licensing licensing,
            DynamicMembership dynamic,
            LicenseCheck check,
            org.allot.core.assignment.DirectToGroupJob migrations,
            int chunkSize) {
        int ran = 0;
        while (true) {
            List<Job> batch;
            synchronized (this) {
                batch = new ArrayList<>(queued);
                queued.clear();
                // a license check starts once the work queued before it is done
                batch.sort(java.util.Comparator.comparing(j -> j.target() instanceof Check));
                running.addAll(batch);
            }
            if (batch.isEmpty()) {
                return ran;
            }
            for (Job job : batch) {
                synchronized (this) {
                    running.remove(job);
                }
                Caller caller = Caller.of(job.tenant(), Actor.GROUP_BASED_LICENSING);
                if (job.target() instanceof Check run) {
                    if (!check.mayStart(job.tenant())) {
                        synchronized (this) {
                            queued.add(job); // after the tenant's other work
                        }
                        continue;
                    }
                    var found = check.run(job.tenant(), run.run())
                            .filter(r -> r.state().underWay());
                    if (found.isEmpty()) {
                        ran++;
                        continue;
                    }
                    if (found.get().dryRun()) {
                        dryRun(check, job.tenant(), run.run(), chunkSize);
                        ran++;
                        continue;
                    }
                    check.start(job.tenant(), run.run());
                    UserId next = null;
                    do {
                        next = check.check(job.tenant(), run.run(), next, chunkSize)
                                .next();
                    } while (next != null);
                    check.finish(job.tenant(), run.run());
                } else if (job.target() instanceof Migrate migrate) {
                    if (migrations.underWay(job.tenant(), migrate.run())) {
                        migrations.begin(job.tenant(), migrate.run());
                        UserId next = null;
                        do {
                            next = migrations
                                    .chunk(job.tenant(), migrate.run(), next, chunkSize)
                                    .next();
                        } while (next != null);
                        migrations.finish(job.tenant(), migrate.run());
                    }
                } else if (job.target() instanceof Recompute recompute) {
                    UserId next = null;
                    do {
                        next = dynamic.recomputeChunk(caller, recompute.group(), next, chunkSize)
                                .next();
                    } while (next != null);
                } else if (job.target() instanceof GroupId group) {
                    GroupLicensing groups = licensing.groups();
                    groups.startRun(caller, group);
                    int succeeded = 0;
                    int failed = 0;
                    UserId next = null;
                    do {
                        GroupLicensing.Chunk chunk = groups.processChunk(caller, group, next, chunkSize);
                        succeeded += chunk.succeeded();
                        failed += chunk.failed();
                        next = chunk.next();
                    } while (next != null);
                    groups.finishRun(caller, group, succeeded, failed);
                } else {
                    licensing.propagation().fillWaitingList(caller, (SkuId) job.target());
                }
                ran++;
            }
        }
    }
}
