package org.allot.server.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.report.UsageSnapshot;
import org.allot.core.report.UsageSnapshots;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link UsageSnapshots} in SQL ({@code usage_snapshot}): the first snapshot kept for a tenant, day and product wins. */
public final class JdbcUsageSnapshots implements UsageSnapshots {
    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcUsageSnapshots(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean taken(TenantId tenant, LocalDate day) {
        return jdbc.sql("select exists (select 1 from usage_snapshot where tenant_id = ? and day = ?)")
                .params(tenant.value(), day)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int keep(TenantId tenant, List<UsageSnapshot> snapshots) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int kept = 0;
        for (UsageSnapshot s : snapshots) {
            kept += jdbc.sql("""
                            insert into usage_snapshot (tenant_id, day, sku_id, seats, assigned, available, waiting,
                                                        reclaimable, taken_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id, day, sku_id) do nothing""")
                    .params(
                            tenant.value(),
                            s.day(),
                            s.sku().value(),
                            s.seats(),
                            s.assigned(),
                            s.available(),
                            s.waiting(),
                            s.reclaimable(),
                            now)
                    .update();
        }
        return kept;
    }

    @Override
    public List<UsageSnapshot> between(TenantId tenant, SkuId sku, LocalDate from, LocalDate to) {
        JdbcClient.StatementSpec statement = jdbc.sql(
                        """
                        select day, sku_id, seats, assigned, available, waiting, reclaimable from usage_snapshot
                        where tenant_id = :tenant and day between :from and :to""" + (sku == null ? "" : " and sku_id = :sku") + " order by day, sku_id")
                .param("tenant", tenant.value())
                .param("from", from)
                .param("to", to);
        if (sku != null) {
            statement = statement.param("sku", sku.value());
        }
        return statement
                .query((rs, i) -> new UsageSnapshot(
                        rs.getObject("day", LocalDate.class),
                        new SkuId(rs.getObject("sku_id", UUID.class)),
                        rs.getInt("seats"),
                        rs.getInt("assigned"),
                        rs.getInt("available"),
                        rs.getInt("waiting"),
                        rs.getObject("reclaimable", Integer.class)))
                .list();
    }
}
