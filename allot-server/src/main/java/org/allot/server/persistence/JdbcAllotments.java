package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentCount;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.Allotments;
import org.allot.core.assignment.PoolBook;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Allotments: the pools' definitions ({@code allotment}, and {@code group_license_allotment} for the pools group
 * assignments name), remembered per tenant while its stamp stays (V64 raises it on every change), and their figures
 * ({@code allotment_count}), locked after their SKU's {@code seat_count} row and never remembered.
 */
public final class JdbcAllotments implements Allotments {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    public JdbcAllotments(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public PoolBook book(TenantId tenant) {
        return stamps.read(tenant, TenantStamps.Kind.ALLOTMENTS, () -> {
            List<Allotment> pools = jdbc.sql(
                            "select * from allotment where tenant_id = ? order by sku_id, position, id")
                    .param(tenant.value())
                    .query(JdbcAllotments::allotment)
                    .list();
            Map<Named, AllotmentId> named = new HashMap<>();
            if (!pools.isEmpty()) {
                jdbc.sql("select group_id, sku_id, allotment_id from group_license_allotment where tenant_id = ?")
                        .param(tenant.value())
                        .query(rs -> {
                            named.put(
                                    new Named(
                                            new GroupId(SqlValues.uuid(rs, "group_id")),
                                            new SkuId(SqlValues.uuid(rs, "sku_id"))),
                                    new AllotmentId(SqlValues.uuid(rs, "allotment_id")));
                        });
            }
            return new PoolBook(pools, named);
        });
    }

    @Override
    public Optional<Allotment> find(TenantId tenant, AllotmentId id) {
        return jdbc.sql("select * from allotment where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(JdbcAllotments::allotment)
                .optional();
    }

    @Override
    public void add(TenantId tenant, Allotment a) {
        jdbc.sql("""
                        insert into allotment (tenant_id, id, sku_id, display_name, owner_kind, owner_id, cap, position)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        a.id().value(),
                        a.sku().value(),
                        a.displayName(),
                        a.owner().kind().name(),
                        a.owner().id(),
                        a.cap(),
                        a.position())
                .update();
        jdbc.sql("insert into allotment_count (tenant_id, allotment_id, sku_id) values (?, ?, ?)")
                .params(tenant.value(), a.id().value(), a.sku().value())
                .update();
        stamps.wrote(tenant);
    }

    @Override
    public void update(TenantId tenant, Allotment a) {
        jdbc.sql("""
                        update allotment set display_name = ?, owner_kind = ?, owner_id = ?, cap = ?, position = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        a.displayName(),
                        a.owner().kind().name(),
                        a.owner().id(),
                        a.cap(),
                        a.position(),
                        tenant.value(),
                        a.id().value())
                .update();
        stamps.wrote(tenant);
    }

    @Override
    public void remove(TenantId tenant, AllotmentId id) {
        jdbc.sql("delete from allotment where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update();
        stamps.wrote(tenant);
    }

    @Override
    public void name(TenantId tenant, GroupId group, SkuId sku, Optional<AllotmentId> pool) {
        if (pool.isPresent()) {
            jdbc.sql("""
                            insert into group_license_allotment (tenant_id, group_id, sku_id, allotment_id)
                            values (?, ?, ?, ?)
                            on conflict (tenant_id, group_id, sku_id) do update set allotment_id = excluded.allotment_id""")
                    .params(
                            tenant.value(),
                            group.value(),
                            sku.value(),
                            pool.get().value())
                    .update();
        } else {
            jdbc.sql("delete from group_license_allotment where tenant_id = ? and group_id = ? and sku_id = ?")
                    .params(tenant.value(), group.value(), sku.value())
                    .update();
        }
        stamps.wrote(tenant);
    }

    @Override
    public Map<AllotmentId, AllotmentCount> counts(TenantId tenant) {
        Map<AllotmentId, AllotmentCount> counts = new HashMap<>();
        jdbc.sql("select allotment_id, consumed, waiting from allotment_count where tenant_id = ?")
                .param(tenant.value())
                .query(rs -> {
                    counts.put(new AllotmentId(SqlValues.uuid(rs, "allotment_id")), count(rs));
                });
        return counts;
    }

    /** Locked once the SKU's seat row is held (the lock order's seat level: a SKU's pools with it, in id order). */
    @Override
    public Map<AllotmentId, AllotmentCount> lock(TenantId tenant, SkuId sku) {
        Map<AllotmentId, AllotmentCount> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select allotment_id, consumed, waiting from allotment_count
                        where tenant_id = ? and sku_id = ? order by allotment_id for update""").params(tenant.value(), sku.value()).query(rs -> {
            counts.put(new AllotmentId(SqlValues.uuid(rs, "allotment_id")), count(rs));
        });
        return counts;
    }

    @Override
    public void save(TenantId tenant, AllotmentId id, AllotmentCount count) {
        jdbc.sql("update allotment_count set consumed = ?, waiting = ? where tenant_id = ? and allotment_id = ?")
                .params(count.consumed(), count.waiting(), tenant.value(), id.value())
                .update();
    }

    private static AllotmentCount count(ResultSet rs) throws SQLException {
        return new AllotmentCount(rs.getInt("consumed"), rs.getInt("waiting"));
    }

    private static Allotment allotment(ResultSet rs, int row) throws SQLException {
        return new Allotment(
                new AllotmentId(SqlValues.uuid(rs, "id")),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                rs.getString("display_name"),
                new Allotment.Owner(
                        Allotment.Kind.valueOf(rs.getString("owner_kind")), rs.getObject("owner_id", UUID.class)),
                rs.getInt("cap"),
                rs.getInt("position"));
    }
}
