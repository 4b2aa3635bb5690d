package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * Sync runs in {@code sync_run}, their errors in {@code sync_run_error}; what blocked runs hold back alongside
 * (deletions, memberships of licensed groups, and the licenses users would lose), which dry runs keep too, with what
 * they would add or update in {@code sync_planned_change}.
 */
public final class JdbcSyncRuns implements SyncRuns {
    private final JdbcClient jdbc;

    public JdbcSyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        from unnest(:numbers, :kinds, :objects, :ids, :messages) as t(n, kind, object, id, message)""")
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
        if (deletions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into sync_pending_deletion (tenant_id, run_id, object_kind, object_id, immutable_id,
                            display_name)
                        select :tenant, :run, t.kind, t.object, t.id, t.name
                        from unnest(:kinds, :objects, :ids, :names) as t(kind, object, id, name)
                        on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("run", run.value())
                .param("kinds", deletions.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .param(
                        "objects",
                        deletions.stream().map(PendingDeletion::objectId).toArray(UUID[]::new))
                .param(
                        "ids",
                        deletions.stream().map(PendingDeletion::immutableId).toArray(String[]::new))
                .param(
                        "names",
                        deletions.stream().map(PendingDeletion::displayName).toArray(String[]::new))
                .update();
    }

    @Override
    public List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId run, int limit) {
        return jdbc.sql("""
                        select * from sync_pending_deletion where tenant_id = ? and run_id = ?
                        order by object_kind desc, display_name, object_id limit ?""")
                .params(tenant.value(), run.value(), limit)
                .query((rs, i) -> new PendingDeletion(
                        ObjectKind.valueOf(rs.getString("object_kind")),
                        SqlValues.uuid(rs, "object_id"),
                        rs.getString("immutable_id"),
                        rs.getString("display_name")))
                .list();
    }

    @Override
    public void addHeldChanges(
            TenantId tenant, SyncRunId run, List<PendingRemoval> removals, List<LicenseLoss> losses) {
        if (!removals.isEmpty()) {
            jdbc.sql("""
                            insert into sync_pending_removal (tenant_id, run_id, group_id, group_name, member_kind,
                                member_id, member_name)
                            select :tenant, :run, t.group_id, t.group_name, t.kind, t.member_id, t.member_name
                            from unnest(:groups, :groupNames, :kinds, :members, :memberNames)
                                as t(group_id, group_name, kind, member_id, member_name)
                            on conflict do nothing""")
                    .param("tenant", tenant.value())
                    .param("run", run.value())
                    .param(
                            "groups",
                            removals.stream().map(PendingRemoval::groupId).toArray(UUID[]::new))
                    .param(
                            "groupNames",
                            removals.stream().map(PendingRemoval::groupName).toArray(String[]::new))
                    .param(
                            "kinds",
                            removals.stream().map(r -> r.memberKind().name()).toArray(String[]::new))
                    .param(
                            "members",
                            removals.stream().map(PendingRemoval::memberId).toArray(UUID[]::new))
                    .param(
                            "memberNames",
                            removals.stream().map(PendingRemoval::memberName).toArray(String[]::new))
                    .update();
        }
        if (!losses.isEmpty()) {
            jdbc.sql("""
                            insert into sync_license_loss (tenant_id, run_id, user_id, user_name, product, cause)
                            select :tenant, :run, t.user_id, t.user_name, t.product, t.cause
                            from unnest(:users, :names, :products, :causes) as t(user_id, user_name, product, cause)
                            on conflict do nothing""")
                    .param("tenant", tenant.value())
                    .param("run", run.value())
                    .param("users", losses.stream().map(LicenseLoss::userId).toArray(UUID[]::new))
                    .param(
                            "names",
                            losses.stream().map(LicenseLoss::userPrincipalName).toArray(String[]::new))
                    .param("products", losses.stream().map(LicenseLoss::product).toArray(String[]::new))
                    .param("causes", losses.stream().map(LicenseLoss::cause).toArray(String[]::new))
                    .update();
        }
    }

    @Override
    public List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId run, int limit) {
        return jdbc.sql("""
                        select * from sync_pending_removal where tenant_id = ? and run_id = ?
                        order by group_name, group_id, member_name, member_id limit ?""")
                .params(tenant.value(), run.value(), limit)
                .query((rs, i) -> new PendingRemoval(
                        SqlValues.uuid(rs, "group_id"),
                        rs.getString("group_name"),
                        ObjectKind.valueOf(rs.getString("member_kind")),
                        SqlValues.uuid(rs, "member_id"),
                        rs.getString("member_name")))
                .list();
    }

    @Override
    public List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId run, int limit) {
        return jdbc.sql("""
                        select * from sync_license_loss where tenant_id = ? and run_id = ?
                        order by user_name, user_id, product limit ?""")
                .params(tenant.value(), run.value(), limit)
                .query((rs, i) -> new LicenseLoss(
                        SqlValues.uuid(rs, "user_id"),
                        rs.getString("user_name"),
                        rs.getString("product"),
                        rs.getString("cause")))
                .list();
    }

    @Override
    public void addPlannedChanges(TenantId tenant, SyncRunId run, List<PlannedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into sync_planned_change (tenant_id, run_id, position, object_kind, action,
                            distinguished_name, immutable_id, object_id, name)
                        select :tenant, :run,
                            (select coalesce(max(position), 0) from sync_planned_change
                             where tenant_id = :tenant and run_id = :run) + t.n,
                            t.kind, t.action, t.dn, t.id, t.object, t.name
                        from unnest(:numbers, :kinds, :actions, :dns, :ids, :objects, :names)
                            as t(n, kind, action, dn, id, object, name)""")
                .param("tenant", tenant.value())
                .param("run", run.value())
                .param(
                        "numbers",
                        IntStream.rangeClosed(1, changes.size()).boxed().toArray(Integer[]::new))
                .param("kinds", changes.stream().map(c -> c.kind().name()).toArray(String[]::new))
                .param("actions", changes.stream().map(c -> c.action().name()).toArray(String[]::new))
                .param(
                        "dns",
                        changes.stream().map(PlannedChange::distinguishedName).toArray(String[]::new))
                .param("ids", changes.stream().map(PlannedChange::immutableId).toArray(String[]::new))
                .param("objects", changes.stream().map(PlannedChange::objectId).toArray(UUID[]::new))
                .param("names", changes.stream().map(PlannedChange::name).toArray(String[]::new))
                .update();
    }

    @Override
    public List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId run, int limit) {
        return jdbc.sql("""
                        select * from sync_planned_change where tenant_id = ? and run_id = ?
                        order by object_kind desc, action, name, position limit ?""")
                .params(tenant.value(), run.value(), limit)
                .query((rs, i) -> new PlannedChange(
                        ObjectKind.valueOf(rs.getString("object_kind")),
                        PlannedChange.Action.valueOf(rs.getString("action")),
                        rs.getString("distinguished_name"),
                        rs.getString("immutable_id"),
                        SqlValues.uuid(rs, "object_id"),
                        rs.getString("name")))
                .list();
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
