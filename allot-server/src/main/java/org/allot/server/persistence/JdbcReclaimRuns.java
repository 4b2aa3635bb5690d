package org.allot.server.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
        if (items.isEmpty()) {
            return true;
        }
        // one statement for every item: the groups of each travel as a JSON array, as unnest takes no ragged arrays;
        // each array typed, so that the statement has one meaning whatever the driver infers (and can be explained)
        jdbc.sql("""
                        insert into reclaim_run_item (tenant_id, run_id, position, user_id, user_principal_name,
                            display_name, sku_id, reason, since, action, groups, unit_price, currency, outcome,
                            message)
                        select :tenant, :run, t.ord - 1, t.user_id, t.upn, t.display_name, t.sku_id, t.reason,
                            t.since::timestamptz, t.action,
                            array(select jsonb_array_elements_text(t.groups::jsonb)), t.unit_price, t.currency,
                            t.outcome, t.message
                        from unnest(cast(:users as uuid[]), cast(:upns as text[]), cast(:names as text[]),
                            cast(:skus as uuid[]), cast(:reasons as text[]), cast(:sinces as text[]),
                            cast(:actions as text[]), cast(:groups as text[]), cast(:prices as numeric[]),
                            cast(:currencies as text[]), cast(:outcomes as text[]), cast(:messages as text[]))
                            with ordinality as t(user_id, upn, display_name, sku_id, reason, since, action, groups,
                                unit_price, currency, outcome, message, ord)""")
                .param("tenant", tenant.value())
                .param("run", report.id())
                .param("users", items.stream().map(i -> i.user().value()).toArray(UUID[]::new))
                .param("upns", strings(items, ReclaimItem::userPrincipalName))
                .param("names", strings(items, ReclaimItem::displayName))
                .param("skus", items.stream().map(i -> i.sku().value()).toArray(UUID[]::new))
                .param("reasons", strings(items, i -> i.reason().name()))
                .param(
                        "sinces",
                        strings(items, i -> i.since() == null ? null : i.since().toString()))
                .param("actions", strings(items, i -> i.action().name()))
                .param("groups", strings(items, i -> json(i.groups())))
                .param(
                        "prices",
                        items.stream()
                                .map(i -> i.monthlySaving() == null
                                        ? null
                                        : i.monthlySaving().amount())
                                .toArray(BigDecimal[]::new))
                .param(
                        "currencies",
                        strings(
                                items,
                                i -> i.monthlySaving() == null
                                        ? null
                                        : i.monthlySaving().currency()))
                .param("outcomes", strings(items, i -> i.outcome().name()))
                .param("messages", strings(items, ReclaimItem::message))
                .update();
        return true;
    }

    private static String[] strings(List<ReclaimItem> items, Function<ReclaimItem, String> value) {
        return items.stream().map(value).toArray(String[]::new);
    }

    /** A list of strings as a JSON array. */
    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            v.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c < 0x20) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", c));
                } else {
                    out.append((char) c);
                }
            });
            out.append('"');
        }
        return out.append(']').toString();
    }

    @Override
    public void applied(TenantId tenant, ReclaimReport report) {
        jdbc.sql("update reclaim_run set applied = true where tenant_id = ? and id = ?")
                .params(tenant.value(), report.id())
                .update();
        List<ReclaimItem> items = report.items();
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update reclaim_run_item i set outcome = t.outcome, message = t.message
                        from unnest(cast(:outcomes as text[]), cast(:messages as text[]))
                            with ordinality as t(outcome, message, ord)
                        where i.tenant_id = :tenant and i.run_id = :run and i.position = t.ord - 1""")
                .param("outcomes", strings(items, i -> i.outcome().name()))
                .param("messages", strings(items, ReclaimItem::message))
                .param("tenant", tenant.value())
                .param("run", report.id())
                .update();
    }

    @Override
    public Optional<ReclaimReport> find(TenantId tenant, UUID run) {
        return jdbc.sql("select id, ran_at, actor, applied from reclaim_run where tenant_id = ? and id = ?")
                .params(tenant.value(), run)
                .query((rs, row) -> header(rs))
                .optional()
                .map(h -> withItems(tenant, h));
    }

    /** The latest runs with their items: two queries, whatever the number of runs. */
    @Override
    public List<ReclaimReport> recent(TenantId tenant, int limit) {
        List<ReclaimReport> headers = jdbc.sql("""
                        select id, ran_at, actor, applied from reclaim_run where tenant_id = ?
                        order by ran_at desc, id limit ?""")
                .params(tenant.value(), limit)
                .query((rs, row) -> header(rs))
                .list();
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<ReclaimItem>> items = new HashMap<>();
        jdbc.sql("""
                        select * from reclaim_run_item where tenant_id = ? and run_id = any(?)
                        order by run_id, position""")
                .params(tenant.value(), headers.stream().map(ReclaimReport::id).toArray(UUID[]::new))
                .query(rs -> {
                    items.computeIfAbsent(SqlValues.uuid(rs, "run_id"), k -> new ArrayList<>())
                            .add(item(rs));
                });
        return headers.stream()
                .map(h -> new ReclaimReport(
                        h.id(), h.at(), h.actor(), h.applied(), items.getOrDefault(h.id(), List.of())))
                .toList();
    }

    /** One statement for every tenant; the items go with their run (on delete cascade). */
    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("delete from reclaim_run where ran_at < ?")
                .param(SqlValues.time(cutoff))
                .update();
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
