package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseCheckRunId;
import org.allot.core.assignment.LicenseCheckState;
import org.allot.core.assignment.LicenseChecks;
import org.allot.core.assignment.LicenseDifference;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License check runs in {@code license_check_run}, whose partial unique index keeps one run per tenant queued or
 * running whatever the number of servers; their differences in {@code license_check_difference}, in the order found
 * (listed seat figures first, those of allotments among them, naming their pool).
 */
public final class JdbcLicenseChecks implements LicenseChecks {
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public JdbcLicenseChecks(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A transaction-level advisory lock of its own: taken alone, before anything else, so it never deadlocks. */
    @Override
    public void lock(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('allot-license-check:' || ?, 0))")
                .param(tenant.value().toString())
                .query()
                .singleValue();
    }

    @Override
    public void add(LicenseCheckRun run) {
        jdbc.sql("""
                        insert into license_check_run (tenant_id, id, dry_run, requested_by_kind, requested_by_id,
                            requested_by_name, requested_at, state, started_at, finished_at, users_checked,
                            differences_found, differences_repaired, message)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        run.tenant().value(),
                        run.id().value(),
                        run.dryRun(),
                        run.requestedBy().kind().name(),
                        run.requestedBy().id(),
                        run.requestedBy().displayName(),
                        SqlValues.time(run.requestedAt()))
                .params(progress(run))
                .update();
    }

    @Override
    public void update(LicenseCheckRun run) {
        jdbc.sql("""
                        update license_check_run set state = ?, started_at = ?, finished_at = ?, users_checked = ?,
                            differences_found = ?, differences_repaired = ?, message = ?
                        where tenant_id = ? and id = ?""")
                .params(progress(run))
                .params(run.tenant().value(), run.id().value())
                .update();
    }

    private static List<Object> progress(LicenseCheckRun run) {
        return Arrays.asList(
                run.state().name(),
                SqlValues.time(run.startedAt()),
                SqlValues.time(run.finishedAt()),
                run.usersChecked(),
                run.differencesFound(),
                run.differencesRepaired(),
                run.message());
    }

    @Override
    public Optional<LicenseCheckRun> find(TenantId tenant, LicenseCheckRunId id) {
        return jdbc.sql("select * from license_check_run where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(JdbcLicenseChecks::run)
                .optional();
    }

    @Override
    public Optional<LicenseCheckRun> underWay(TenantId tenant) {
        return jdbc.sql("select * from license_check_run where tenant_id = ? and state in ('Queued', 'Running')")
                .param(tenant.value())
                .query(JdbcLicenseChecks::run)
                .optional();
    }

    @Override
    public Optional<Instant> lastRequested(TenantId tenant, boolean repairsOnly) {
        return jdbc.sql("select requested_at from license_check_run where tenant_id = ?"
                        + (repairsOnly ? " and not dry_run" : "")
                        + " order by requested_at desc limit 1")
                .param(tenant.value())
                .query((rs, i) -> SqlValues.instant(rs, "requested_at"))
                .optional();
    }

    @Override
    public List<LicenseCheckRun> recent(TenantId tenant, int skip, int limit) {
        return jdbc.sql("""
                        select * from license_check_run where tenant_id = ?
                        order by requested_at desc, id offset ? limit ?""")
                .params(tenant.value(), skip, limit)
                .query(JdbcLicenseChecks::run)
                .list();
    }

    @Override
    public void addDifferences(TenantId tenant, LicenseCheckRunId run, List<LicenseDifference> differences) {
        PgCopy copy = new PgCopy(
                dataSource,
                "license_check_difference",
                "tenant_id, run_id, kind, user_id, user_principal_name, sku_id, source_group_id, expected, stored,"
                        + " repaired, allotment_id, allotment_name");
        for (LicenseDifference d : differences) {
            copy.row(
                    tenant.value().toString(),
                    run.value().toString(),
                    d.kind().name(),
                    d.user() == null ? null : d.user().toString(),
                    d.userPrincipalName(),
                    d.sku().toString(),
                    d.source() == null
                            ? null
                            : JdbcAssignments.source(d.source()).toString(),
                    d.expected(),
                    d.stored(),
                    String.valueOf(d.repaired()),
                    d.allotment() == null ? null : d.allotment().toString(),
                    d.allotmentName());
        }
        copy.send();
    }

    @Override
    public List<LicenseDifference> differences(TenantId tenant, LicenseCheckRunId run, int skip, int limit) {
        return jdbc.sql("""
                        select * from license_check_difference where tenant_id = ? and run_id = ?
                        order by user_id is not null, id offset ? limit ?""")
                .params(tenant.value(), run.value(), skip, limit)
                .query(JdbcLicenseChecks::difference)
                .list();
    }

    private static LicenseCheckRun run(ResultSet rs, int row) throws SQLException {
        return new LicenseCheckRun(
                new LicenseCheckRunId(SqlValues.uuid(rs, "id")),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                rs.getBoolean("dry_run"),
                LicenseCheckState.valueOf(rs.getString("state")),
                SqlValues.actor(rs, "requested_by"),
                SqlValues.instant(rs, "requested_at"),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "finished_at"),
                rs.getInt("users_checked"),
                rs.getInt("differences_found"),
                rs.getInt("differences_repaired"),
                rs.getString("message"));
    }

    private static LicenseDifference difference(ResultSet rs, int row) throws SQLException {
        UUID user = SqlValues.uuid(rs, "user_id");
        UUID source = SqlValues.uuid(rs, "source_group_id");
        UUID allotment = SqlValues.uuid(rs, "allotment_id");
        return new LicenseDifference(
                LicenseDifference.Kind.valueOf(rs.getString("kind")),
                user == null ? null : new UserId(user),
                rs.getString("user_principal_name"),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                source == null ? null : AssignmentSource.ofKey(source),
                rs.getString("expected"),
                rs.getString("stored"),
                rs.getBoolean("repaired"),
                allotment == null ? null : new AllotmentId(allotment),
                rs.getString("allotment_name"));
    }
}
