package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.alert.Alert;
import org.allot.core.alert.AlertKind;
import org.allot.core.alert.AlertRules;
import org.allot.core.alert.AlertSettings;
import org.allot.core.alert.Alerts;
import org.allot.core.catalog.SkuId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts in {@code alert}, at most one open per tenant, kind and subject (a partial unique index), and the tenants'
 * alert rules in {@code alert_rules}. A tenant's evaluation holds a transaction-level advisory lock of its own.
 */
public final class JdbcAlerts implements Alerts, AlertSettings {
    private static final String COLUMNS =
            "tenant_id, id, kind, subject_id, sku_id, product, figure, threshold, due_at, raised_at, resolved_at";

    private final JdbcClient jdbc;

    public JdbcAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('allot-alerts:' || ?, 0))")
                .param(tenant.value().toString())
                .query((rs, i) -> 1)
                .list();
    }

    @Override
    public boolean raise(Alert a) {
        return jdbc.sql("""
                        insert into alert (tenant_id, id, kind, subject_id, sku_id, product, figure, threshold,
                            due_at, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, kind, subject_id) where resolved_at is null do nothing""")
                        .params(
                                a.tenant().value(),
                                a.id(),
                                a.kind().name(),
                                a.subject(),
                                a.sku().value(),
                                a.product(),
                                a.figure(),
                                a.threshold(),
                                a.due() == null ? null : SqlValues.time(a.due()),
                                SqlValues.time(a.raised()))
                        .update()
                == 1;
    }

    @Override
    public boolean resolve(TenantId tenant, UUID id, Instant at) {
        return jdbc.sql("update alert set resolved_at = ? where tenant_id = ? and id = ? and resolved_at is null")
                        .params(SqlValues.time(at), tenant.value(), id)
                        .update()
                == 1;
    }

    @Override
    public List<Alert> open(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS
                        + " from alert where tenant_id = ? and resolved_at is null order by raised_at, id")
                .param(tenant.value())
                .query(JdbcAlerts::alert)
                .list();
    }

    @Override
    public List<Alert> recent(TenantId tenant, boolean openOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from alert where tenant_id = ?"
                        + (openOnly ? " and resolved_at is null" : "")
                        + " order by resolved_at is not null, raised_at desc, id limit ?")
                .params(tenant.value(), limit)
                .query(JdbcAlerts::alert)
                .list();
    }

    @Override
    public Optional<Alert> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from alert where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(JdbcAlerts::alert)
                .optional();
    }

    @Override
    public Optional<AlertRules> find(TenantId tenant) {
        return jdbc.sql("select * from alert_rules where tenant_id = ?")
                .param(tenant.value())
                .query((rs, i) -> new AlertRules(
                        rs.getInt("expiring_within_days"),
                        rs.getBoolean("lapsed"),
                        rs.getInt("free_seats_below"),
                        rs.getInt("waiting_at_least")))
                .optional();
    }

    @Override
    public void save(TenantId tenant, AlertRules r) {
        jdbc.sql("""
                        insert into alert_rules (tenant_id, expiring_within_days, lapsed, free_seats_below,
                            waiting_at_least)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set expiring_within_days = excluded.expiring_within_days,
                            lapsed = excluded.lapsed, free_seats_below = excluded.free_seats_below,
                            waiting_at_least = excluded.waiting_at_least""")
                .params(tenant.value(), r.expiringWithinDays(), r.lapsed(), r.freeSeatsBelow(), r.waitingAtLeast())
                .update();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(
                SqlValues.uuid(rs, "id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                AlertKind.valueOf(rs.getString("kind")),
                SqlValues.uuid(rs, "subject_id"),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                rs.getString("product"),
                rs.getInt("figure"),
                rs.getInt("threshold"),
                SqlValues.instant(rs, "due_at"),
                SqlValues.instant(rs, "raised_at"),
                SqlValues.instant(rs, "resolved_at"));
    }
}
