package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.MonthlyPrice;
import org.allot.core.reclaim.ReclaimAction;
import org.allot.core.reclaim.ReclaimItem;
import org.allot.core.reclaim.ReclaimReason;
import org.allot.core.reclaim.ReclaimReport;
import org.allot.core.reclaim.ReclaimRuns;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reclaim runs' reports in {@code reclaim_run} and {@code reclaim_run_item}, one row per listed seat. */
public final class JdbcReclaimRuns implements ReclaimRuns {
    private final JdbcClient jdbc;

    public JdbcReclaimRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(TenantId tenant, ReclaimReport report, String slot) {
        int kept = jdbc.sql("""
                        insert into reclaim_run (tenant_id, id, ran_at, actor, slot, applied) values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        tenant.value(),
                        report.id(),
                        SqlValues.time(report.at()),
                        report.actor(),
                        slot,
                        report.applied())
                .update();
        if (kept == 0) {
            return false;
        }
        List<ReclaimItem> items = report.items();
        for (int i = 0; i < items.size(); i++) {
            ReclaimItem item = items.get(i);
            jdbc.sql("""
                            insert into reclaim_run_item (tenant_id, run_id, position, user_id, user_principal_name,
                                display_name, sku_id, reason, since, action, groups, unit_price, currency, outcome,
                                message)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            tenant.value(),
                            report.id(),
                            i,
                            item.user().value(),
                            item.userPrincipalName(),
                            item.displayName(),
                            item.sku().value(),
                            item.reason().name(),
                            SqlValues.time(item.since()),
                            item.action().name(),
                            item.groups().toArray(String[]::new),
                            item.monthlySaving() == null
                                    ? null
                                    : item.monthlySaving().amount(),
                            item.monthlySaving() == null
                                    ? null
                                    : item.monthlySaving().currency(),
                            item.outcome().name(),
                            item.message())
                    .update();
        }
        return true;
    }

    @Override
    public void applied(TenantId tenant, ReclaimReport report) {
        jdbc.sql("update reclaim_run set applied = true where tenant_id = ? and id = ?")
                .params(tenant.value(), report.id())
                .update();
        List<ReclaimItem> items = report.items();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("""
                            update reclaim_run_item set outcome = ?, message = ?
                            where tenant_id = ? and run_id = ? and position = ?""")
                    .params(items.get(i).outcome().name(), items.get(i).message(), tenant.value(), report.id(), i)
                    .update();
        }
    }

    @Override
    public Optional<ReclaimReport> find(TenantId tenant, UUID run) {
        return jdbc.sql("select id, ran_at, actor, applied from reclaim_run where tenant_id = ? and id = ?")
                .params(tenant.value(), run)
                .query((rs, row) -> header(rs))
                .optional()
                .map(h -> withItems(tenant, h));
    }

    @Override
    public List<ReclaimReport> recent(TenantId tenant, int limit) {
        return jdbc.sql("""
                        select id, ran_at, actor, applied from reclaim_run where tenant_id = ?
                        order by ran_at desc, id limit ?""").params(tenant.value(), limit).query((rs, row) -> header(rs)).list().stream()
                .map(h -> withItems(tenant, h))
                .toList();
    }

    private static ReclaimReport header(ResultSet rs) throws SQLException {
        return new ReclaimReport(
                SqlValues.uuid(rs, "id"),
                SqlValues.instant(rs, "ran_at"),
                rs.getString("actor"),
                rs.getBoolean("applied"),
                List.of());
    }

    private ReclaimReport withItems(TenantId tenant, ReclaimReport header) {
        List<ReclaimItem> items = new ArrayList<>(jdbc.sql("""
                        select * from reclaim_run_item where tenant_id = ? and run_id = ? order by position""")
                .params(tenant.value(), header.id())
                .query((rs, row) -> item(rs))
                .list());
        return new ReclaimReport(header.id(), header.at(), header.actor(), header.applied(), items);
    }

    private static ReclaimItem item(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new ReclaimItem(
                new UserId(SqlValues.uuid(rs, "user_id")),
                rs.getString("user_principal_name"),
                rs.getString("display_name"),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                ReclaimReason.valueOf(rs.getString("reason")),
                SqlValues.instant(rs, "since"),
                ReclaimAction.valueOf(rs.getString("action")),
                SqlValues.strings(rs, "groups"),
                currency == null ? null : new MonthlyPrice(rs.getBigDecimal("unit_price"), currency),
                ReclaimItem.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("message"));
    }
}
