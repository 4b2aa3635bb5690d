package org.allot.server.persistence;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.allot.core.TenantId;
import org.allot.core.sync.LicenseLoss;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.PendingDeletion;
import org.allot.core.sync.PendingRemoval;
import org.allot.core.sync.PlannedChange;
import org.allot.core.sync.SyncRunId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lists of {@link JdbcSyncRuns}' runs beside their errors: what a blocked run holds back, which a dry run keeps
 * too (deletions in {@code sync_pending_deletion}, memberships of licensed groups in {@code sync_pending_removal}, the
 * licenses users would lose in {@code sync_license_loss}), and what a dry run would add or update
 * ({@code sync_planned_change}).
 */
final class JdbcSyncRunLists {
    private final JdbcClient jdbc;

    JdbcSyncRunLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addPendingDeletions(TenantId tenant, SyncRunId run, List<PendingDeletion> deletions) {
        if (deletions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into sync_pending_deletion (tenant_id, run_id, object_kind, object_id, immutable_id,
                            display_name)
                        select :tenant, :run, t.kind, t.object, t.id, t.name
                        from unnest(cast(:kinds as text[]), cast(:objects as uuid[]), cast(:ids as text[]), cast(:names as text[]))
                            as t(kind, object, id, name)
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

    List<PendingDeletion> pendingDeletions(TenantId tenant, SyncRunId run, int limit) {
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

    void addHeldChanges(TenantId tenant, SyncRunId run, List<PendingRemoval> removals, List<LicenseLoss> losses) {
        if (!removals.isEmpty()) {
            jdbc.sql("""
                            insert into sync_pending_removal (tenant_id, run_id, group_id, group_name, member_kind,
                                member_id, member_name)
                            select :tenant, :run, t.group_id, t.group_name, t.kind, t.member_id, t.member_name
                            from unnest(cast(:groups as uuid[]), cast(:groupNames as text[]), cast(:kinds as text[]),
                                cast(:members as uuid[]), cast(:memberNames as text[]))
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
                            from unnest(cast(:users as uuid[]), cast(:names as text[]), cast(:products as text[]),
                                cast(:causes as text[])) as t(user_id, user_name, product, cause)
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

    List<PendingRemoval> pendingRemovals(TenantId tenant, SyncRunId run, int limit) {
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

    List<LicenseLoss> licenseLosses(TenantId tenant, SyncRunId run, int limit) {
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

    void addPlannedChanges(TenantId tenant, SyncRunId run, List<PlannedChange> changes) {
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
                        from unnest(cast(:numbers as int[]), cast(:kinds as text[]), cast(:actions as text[]), cast(:dns as text[]),
                            cast(:ids as text[]), cast(:objects as uuid[]), cast(:names as text[]))
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

    List<PlannedChange> plannedChanges(TenantId tenant, SyncRunId run, int limit) {
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
}
