package org.allot.server.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.LicenseJobs;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.jobs.Job;
import org.allot.core.jobs.JobKind;
import org.allot.core.jobs.JobProgress;
import org.allot.core.jobs.JobQueue;
import org.allot.core.jobs.LostLease;
import org.allot.core.rules.MembershipJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable queue of background licensing work. A job is written in the same transaction as the change that
 * needs it, so it exists exactly when that change does. At most one job per target is pending; asking for a target
 * that is running marks it to run again afterwards.
 */
public final class JdbcLicenseJobs implements LicenseJobs, MembershipJobs, JobQueue {
    private final JdbcClient jdbc;
    private final List<Runnable> queuedListeners = new CopyOnWriteArrayList<>();

    public JdbcLicenseJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void reconcileGroup(TenantId tenant, GroupId group) {
        enqueue(tenant, JobKind.GROUP, group.value());
    }

    @Override
    public void fillWaitingList(TenantId tenant, SkuId sku) {
        enqueue(tenant, JobKind.FILL, sku.value());
    }

    @Override
    public void checkLicenses(TenantId tenant, LicenseCheckRunId run) {
        enqueue(tenant, JobKind.CHECK, run.value());
    }

    @Override
    public void migrateToGroups(TenantId tenant, UUID run) {
        enqueue(tenant, JobKind.MIGRATE, run);
    }

    @Override
    public void recomputeMembership(TenantId tenant, GroupId group) {
        enqueue(tenant, JobKind.RULE, group.value());
    }

    private void enqueue(TenantId tenant, JobKind kind, UUID target) {
        jdbc.sql("""
                        insert into license_job (tenant_id, kind, target_id, state, created_at)
                        values (?, ?, ?, 'QUEUED', clock_timestamp())
                        on conflict (tenant_id, kind, target_id) where state in ('QUEUED', 'RUNNING')
                        do update set rerun = license_job.rerun or license_job.state = 'RUNNING'""").params(tenant.value(), kind.name(), target).update();
        signalAfterCommit();
    }

    @Override
    public void whenQueued(Runnable listener) {
        queuedListeners.add(listener);
    }

    /** Wakes this process's idle workers once the unit of work that queued a job commits (at once without one). */
    private void signalAfterCommit() {
        if (queuedListeners.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            queuedListeners.forEach(Runnable::run);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queuedListeners.forEach(Runnable::run);
            }
        });
    }

    @Override
    public Optional<Job> claim(UUID worker, Duration lease) {
        return jdbc.sql("""
                        update license_job set state = 'RUNNING', lease_owner = :worker,
                            lease_expires_at = clock_timestamp() + make_interval(secs => :lease),
                            attempts = attempts + 1, started_at = coalesce(started_at, clock_timestamp())
                        where (tenant_id, id) = (
                            select tenant_id, id from license_job
                            where state in ('QUEUED', 'RUNNING')
                              and (lease_expires_at is null or lease_expires_at < clock_timestamp())
                            order by created_at, id
                            for update skip locked
                            limit 1)
                        returning *""")
                .param("worker", worker)
                .param("lease", (double) lease.toMillis() / 1000)
                .query((rs, i) -> {
                    UUID cursor = rs.getObject("cursor_user_id", UUID.class);
                    return new Job(
                            new TenantId(rs.getObject("tenant_id", UUID.class)),
                            rs.getLong("id"),
                            JobKind.valueOf(rs.getString("kind")),
                            rs.getObject("target_id", UUID.class),
                            new JobProgress(
                                    rs.getBoolean("started"),
                                    cursor == null ? null : new UserId(cursor),
                                    rs.getInt("processed"),
                                    rs.getInt("succeeded"),
                                    rs.getInt("failed")),
                            rs.getInt("attempts"));
                })
                .optional();
    }

    @Override
    public boolean progress(Job job, UUID worker, Duration lease, JobProgress progress) {
        return jdbc.sql("""
                                update license_job set started = :started, cursor_user_id = :cursor,
                                    processed = :processed, succeeded = :succeeded, failed = :failed,
                                    lease_expires_at = clock_timestamp() + make_interval(secs => :lease)
                                where tenant_id = :tenant and id = :id and lease_owner = :worker
                                  and state = 'RUNNING'""")
                        .param("started", progress.started())
                        .param(
                                "cursor",
                                progress.cursor() == null
                                        ? null
                                        : progress.cursor().value(),
                                java.sql.Types.OTHER)
                        .param("processed", progress.processed())
                        .param("succeeded", progress.succeeded())
                        .param("failed", progress.failed())
                        .param("lease", (double) lease.toMillis() / 1000)
                        .param("tenant", job.tenant().value())
                        .param("id", job.id())
                        .param("worker", worker)
                        .update()
                == 1;
    }

    /** Locks the job row until the transaction ends; clears the flag when set. */
    @Override
    public boolean takeRerun(Job job, UUID worker) {
        List<Boolean> rerun = jdbc.sql("""
                        select rerun from license_job where tenant_id = ? and id = ? and lease_owner = ?
                        for update""")
                .params(job.tenant().value(), job.id(), worker)
                .query(Boolean.class)
                .list();
        if (rerun.isEmpty()) {
            throw new LostLease(job);
        }
        if (rerun.get(0)) {
            jdbc.sql("""
                            update license_job set rerun = false, started = false, cursor_user_id = null,
                                processed = 0, succeeded = 0, failed = 0
                            where tenant_id = ? and id = ?""").params(job.tenant().value(), job.id()).update();
            return true;
        }
        return false;
    }

    @Override
    public void complete(Job job, UUID worker) {
        int done = jdbc.sql("""
                        update license_job set state = 'DONE', finished_at = clock_timestamp(), lease_owner = null,
                            lease_expires_at = null, last_error = null
                        where tenant_id = ? and id = ? and lease_owner = ?""").params(job.tenant().value(), job.id(), worker).update();
        if (done != 1) {
            throw new LostLease(job);
        }
    }

    @Override
    public void fail(Job job, UUID worker, String error, int maxAttempts, Duration retryAfter) {
        jdbc.sql("""
                        update license_job set last_error = :error,
                            state = case when attempts >= :max then 'FAILED' else state end,
                            finished_at = case when attempts >= :max then clock_timestamp() else null end,
                            lease_expires_at = clock_timestamp() + make_interval(secs => :retry)
                        where tenant_id = :tenant and id = :id and lease_owner = :worker""")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("max", maxAttempts)
                .param("retry", (double) retryAfter.toMillis() / 1000)
                .param("tenant", job.tenant().value())
                .param("id", job.id())
                .param("worker", worker)
                .update();
    }

    @Override
    public boolean licensingUnderWay(TenantId tenant) {
        return jdbc.sql("""
                        select exists (select 1 from license_job where tenant_id = ? and kind <> ?
                                       and state in ('QUEUED', 'RUNNING'))""")
                .params(tenant.value(), JobKind.CHECK.name())
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<Progress> groupUnderWay(TenantId tenant, GroupId group) {
        return jdbc.sql("""
                        select processed, succeeded, failed from license_job
                        where tenant_id = ? and kind = ? and target_id = ? and state in ('QUEUED', 'RUNNING')""")
                .params(tenant.value(), JobKind.GROUP.name(), group.value())
                .query((rs, i) -> new Progress(rs.getInt("processed"), rs.getInt("succeeded"), rs.getInt("failed")))
                .optional();
    }

    @Override
    public void postpone(Job job, UUID worker) {
        jdbc.sql("""
                        update license_job set state = 'QUEUED', lease_owner = null, attempts = attempts - 1,
                            lease_expires_at = null, created_at = clock_timestamp()
                        where tenant_id = :tenant and id = :id and lease_owner = :worker""")
                .param("tenant", job.tenant().value())
                .param("id", job.id())
                .param("worker", worker)
                .update();
    }

    @Override
    public void releaseAll(UUID worker) {
        jdbc.sql(
                        "update license_job set lease_expires_at = clock_timestamp() where lease_owner = ? and state = 'RUNNING'")
                .param(worker)
                .update();
    }

    /** Jobs queued or running, for status pages and tests. */
    public int pending() {
        return jdbc.sql("select count(*) from license_job where state in ('QUEUED', 'RUNNING')")
                .query(Integer.class)
                .single();
    }
}
