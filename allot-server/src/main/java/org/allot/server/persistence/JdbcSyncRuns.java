package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.allot.core.TenantId;
import org.allot.core.sync.LicenseLoss;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.PendingRemoval;
import org.allot.core.sync.PlannedChange;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncError;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunId;
import org.allot.core.sync.SyncRunState;
import org.allot.core.sync.SyncRuns;
import org.allot.core.sync.SyncTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sync runs in {@code sync_run}, their errors in {@code sync_run_error}; what blocked and dry runs hold back or would
 * do is read and written by {@link JdbcSyncRunLists}.
 */
public final class JdbcSyncRuns implements SyncRuns {
    private final JdbcClient jdbc;
    private final JdbcSyncRunLists lists;

    public JdbcSyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.lists = new JdbcSyncRunLists(jdbc);
    }

    @Override
    public void add(SyncRun run) {
        jdbc.sql("""
                        insert into sync_run (tenant_id, id, trigger, mode, state, started_at, finished_at, added,
                            updated, deleted, unchanged, errors, pending_deletions, pending_removals, users_losing_licenses,
                            message, requested_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(run.tenant().value(), run.id().value())
                .params(values(run))
                .update();
    }

    @Override
    public void update(SyncRun run) {
        jdbc.sql("""
                        update sync_run set trigger = ?, mode = ?, state = ?, started_at = ?, finished_at = ?,
                            added = ?, updated = ?, deleted = ?, unchanged = ?, errors = ?, pending_deletions = ?,
                            pending_removals = ?, users_losing_licenses = ?, message = ?, requested_by = ?
                        where tenant_id = ? and id = ?""")
                .params(values(run))
                .params(run.tenant().value(), run.id().value())
                .update();
    }

    @Override
    public Optional<SyncRun> find(TenantId tenant, SyncRunId id) {
        return jdbc.sql("select * from sync_run where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(JdbcSyncRuns::map)
                .optional();
    }

    @Override
    public List<SyncRun> recent(TenantId tenant, int limit) {
        return jdbc.sql("select * from sync_run where tenant_id = ? order by started_at desc, id limit ?")
                .params(tenant.value(), limit)
                .query(JdbcSyncRuns::map)
                .list();
    }

    @Override
    public List<SyncRun> inState(TenantId tenant, SyncRunState state) {
        return jdbc.sql("select * from sync_run where tenant_id = ? and state = ? order by started_at")
                .params(tenant.value(), state.name())
                .query(JdbcSyncRuns::map)
                .list();
    }

    @Override
    public void addErrors(TenantId tenant, SyncRunId run, List<SyncError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into sync_run_error (tenant_id, run_id, position, object_kind, object, immutable_id,
                            message)
                        select :tenant, :run,
                            (select coalesce(max(position), 0) from sync_run_error
                             where tenant_id = :tenant and run_id = :run) + t.n,
                            t.kind, t.object, t.id, t.message
                        from unnest(cast(:numbers as int[]), cast(:kinds as text[]), cast(:objects as text[]), cast(:ids as text[]),
                            cast(:messages as text[])) as t(n, kind, object, id, message)""")
                .param("tenant", tenant.value())
                .param("run", run.value())
                .param(
                        "numbers",
                        IntStream.rangeClosed(1, errors.size()).boxed().toArray(Integer[]::new))
                .param("kinds", errors.stream().map(e -> e.kind().name()).toArray(String[]::new))
                .param("objects", errors.stream().map(SyncError::object).toArray(String[]::new))
                .param("ids", errors.stream().map(SyncError::immutableId).toArray(String[]::new))
                .param("messages", errors.stream().map(SyncError::message).toArray(String[]::new))
                .update();
    }

    @Override
    public List<SyncError> errors(TenantId tenant, SyncRunId run, int limit) {
        return jdbc.sql("""
                        select * from sync_run_error where tenant_id = ? and run_id = ? order by position limit ?""")
                .params(tenant.value(), run.value(), limit)
                .query((rs, i) -> new SyncError(
                        ObjectKind.valueOf(rs.getString("object_kind")),
                        rs.getString("object"),
                        rs.getString("immutable_id"),
                        rs.getString("message")))
                .list();
    }

    @Override
    public void addPendingDeletions(TenantId tenant, SyncRunId run, List<PendingDeletion> deletions) {
        lists.addPendingDeletions(tenant, run, deletions);
    }

    @Override
    public List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId run, int limit) {
        return lists.pendingDeletions(tenant, run, limit);
    }

    @Override
    public void addHeldChanges(
            TenantId tenant, SyncRunId run, List<PendingRemoval> removals, List<LicenseLoss> losses) {
        lists.addHeldChanges(tenant, run, removals, losses);
    }

    @Override
    public List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId run, int limit) {
        return lists.pendingRemovals(tenant, run, limit);
    }

    @Override
    public List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId run, int limit) {
        return lists.licenseLosses(tenant, run, limit);
    }

    @Override
    public void addPlannedChanges(TenantId tenant, SyncRunId run, List<PlannedChange> changes) {
        lists.addPlannedChanges(tenant, run, changes);
    }

    @Override
    public List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId run, int limit) {
        return lists.plannedChanges(tenant, run, limit);
    }

    private static List<Object> values(SyncRun run) {
        SyncCounts c = run.counts();
        return java.util.Arrays.asList(
                run.trigger().name(),
                run.mode() == null ? null : run.mode().name(),
                run.state().name(),
                SqlValues.time(run.startedAt()),
                SqlValues.time(run.finishedAt()),
                c.added(),
                c.updated(),
                c.deleted(),
                c.unchanged(),
                c.errors(),
                run.pendingDeletions(),
                run.pendingRemovals(),
                run.usersLosingLicenses(),
                run.message(),
                run.requestedBy());
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        String mode = rs.getString("mode");
        return new SyncRun(
                new SyncRunId(SqlValues.uuid(rs, "id")),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                SyncTrigger.valueOf(rs.getString("trigger")),
                mode == null ? null : SyncMode.valueOf(mode),
                SyncRunState.valueOf(rs.getString("state")),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "finished_at"),
                new SyncCounts(
                        rs.getInt("added"),
                        rs.getInt("updated"),
                        rs.getInt("deleted"),
                        rs.getInt("unchanged"),
                        rs.getInt("errors")),
                rs.getInt("pending_deletions"),
                rs.getInt("pending_removals"),
                rs.getInt("users_losing_licenses"),
                rs.getString("message"),
                rs.getString("requested_by"));
    }
}
