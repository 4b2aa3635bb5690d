package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.LicenseMigration;
import org.allot.core.assignment.LicenseMigrations;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs of the direct → group migration ({@code license_migration}), what each did with each user
 * ({@code license_migration_user}), and the direct holders of a product ({@code license_assignment}).
 */
public final class JdbcLicenseMigrations implements LicenseMigrations {
    private final JdbcClient jdbc;

    public JdbcLicenseMigrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(LicenseMigration run) {
        jdbc.sql("""
                        insert into license_migration (tenant_id, id, sku_id, group_id, accept_plan_changes, state,
                            requested_by_kind, requested_by_id, requested_by_name, requested_at, started_at,
                            finished_at, moved, joined, kept)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        run.tenant().value(),
                        run.id(),
                        run.sku().value(),
                        run.group() == null ? null : run.group().value(),
                        run.acceptPlanChanges(),
                        run.state().name(),
                        run.requestedBy().kind().name(),
                        run.requestedBy().id(),
                        run.requestedBy().displayName(),
                        SqlValues.time(run.requestedAt()),
                        SqlValues.time(run.startedAt()),
                        SqlValues.time(run.finishedAt()),
                        run.moved(),
                        run.joined(),
                        run.kept())
                .update();
    }

    @Override
    public void update(LicenseMigration run) {
        jdbc.sql("""
                        update license_migration set state = ?, started_at = ?, finished_at = ?, moved = ?,
                            joined = ?, kept = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        run.state().name(),
                        SqlValues.time(run.startedAt()),
                        SqlValues.time(run.finishedAt()),
                        run.moved(),
                        run.joined(),
                        run.kept(),
                        run.tenant().value(),
                        run.id())
                .update();
    }

    @Override
    public Optional<LicenseMigration> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from license_migration where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(JdbcLicenseMigrations::run)
                .optional();
    }

    @Override
    public List<LicenseMigration> recent(TenantId tenant, int limit) {
        return jdbc.sql("""
                        select * from license_migration where tenant_id = ?
                        order by requested_at desc, id limit ?""")
                .params(tenant.value(), limit)
                .query(JdbcLicenseMigrations::run)
                .list();
    }

    @Override
    public void record(TenantId tenant, UUID run, List<LicenseMigration.Entry> entries) {
        for (LicenseMigration.Entry e : entries) {
            jdbc.sql("""
                            insert into license_migration_user (tenant_id, migration_id, user_id, user_principal_name,
                                moved, joined, reason)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            tenant.value(),
                            run,
                            e.user().value(),
                            e.userPrincipalName(),
                            e.moved(),
                            e.joined(),
                            e.reason())
                    .update();
        }
    }

    @Override
    public List<LicenseMigration.Entry> entries(TenantId tenant, UUID run, int offset, int limit) {
        return jdbc.sql("""
                        select user_id, user_principal_name, moved, joined, reason from license_migration_user
                        where tenant_id = ? and migration_id = ? order by seq offset ? limit ?""")
                .params(tenant.value(), run, offset, limit)
                .query((rs, i) -> new LicenseMigration.Entry(
                        new UserId(SqlValues.uuid(rs, "user_id")),
                        rs.getString("user_principal_name"),
                        rs.getBoolean("moved"),
                        rs.getBoolean("joined"),
                        rs.getString("reason")))
                .list();
    }

    @Override
    public List<UserId> directHolders(TenantId tenant, SkuId sku, UserId after, int limit) {
        return jdbc.sql("""
                        select a.user_id from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        where a.tenant_id = ? and a.sku_id = ? and a.source_group_id = ? and u.deleted_at is null
                          and (?::uuid is null or a.user_id > ?::uuid)
                        order by a.user_id limit ?""")
                .params(
                        tenant.value(),
                        sku.value(),
                        AssignmentSource.DIRECT_KEY,
                        after == null ? null : after.value(),
                        after == null ? null : after.value(),
                        limit)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "user_id")))
                .list();
    }

    private static LicenseMigration run(ResultSet rs, int row) throws SQLException {
        UUID group = SqlValues.uuid(rs, "group_id");
        return new LicenseMigration(
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                SqlValues.uuid(rs, "id"),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                group == null ? null : new GroupId(group),
                rs.getBoolean("accept_plan_changes"),
                LicenseMigration.State.valueOf(rs.getString("state")),
                SqlValues.actor(rs, "requested_by"),
                SqlValues.instant(rs, "requested_at"),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "finished_at"),
                rs.getInt("moved"),
                rs.getInt("joined"),
                rs.getInt("kept"));
    }
}
