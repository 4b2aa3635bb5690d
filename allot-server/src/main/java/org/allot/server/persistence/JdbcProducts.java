package org.allot.server.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.Products;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcProducts implements Products {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Custom products read from the database at every read. */
    public JdbcProducts(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** A tenant's custom products remembered while its stamp stays where it was. */
    public JdbcProducts(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    private record Head(SkuId sku, String partNumber, String displayName, AppliesTo appliesTo) {}

    @Override
    public List<Product> custom(TenantId tenant) {
        return stamps.read(tenant, TenantStamps.Kind.PRODUCTS, () -> List.copyOf(read(tenant)));
    }

    private List<Product> read(TenantId tenant) {
        Map<SkuId, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select * from custom_product where tenant_id = ? order by created_at, sku_id")
                .param(tenant.value())
                .query(rs -> {
                    SkuId sku = new SkuId(SqlValues.uuid(rs, "sku_id"));
                    heads.put(
                            sku,
                            new Head(
                                    sku,
                                    rs.getString("sku_part_number"),
                                    rs.getString("display_name"),
                                    AppliesTo.valueOf(rs.getString("applies_to"))));
                });
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<SkuId, List<ServicePlan>> plans = new LinkedHashMap<>();
        jdbc.sql("select * from custom_service_plan where tenant_id = ? order by sku_id, position")
                .param(tenant.value())
                .query(rs -> {
                    plans.computeIfAbsent(new SkuId(SqlValues.uuid(rs, "sku_id")), s -> new ArrayList<>())
                            .add(new ServicePlan(
                                    new ServicePlanId(SqlValues.uuid(rs, "service_plan_id")),
                                    rs.getString("name"),
                                    rs.getString("display_name"),
                                    AppliesTo.valueOf(rs.getString("applies_to"))));
                });
        List<Product> products = new ArrayList<>();
        heads.values()
                .forEach(h -> products.add(new Product(
                        h.sku(),
                        h.partNumber(),
                        h.displayName(),
                        h.appliesTo(),
                        plans.getOrDefault(h.sku(), List.of()),
                        true)));
        return products;
    }

    @Override
    public void add(TenantId tenant, Product product) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        insert into custom_product (tenant_id, sku_id, sku_part_number, display_name, applies_to,
                            created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        product.skuId().value(),
                        product.skuPartNumber(),
                        product.displayName(),
                        product.appliesTo().name(),
                        SqlValues.time(Instant.now()))
                .update();
        int position = 0;
        for (ServicePlan plan : product.servicePlans()) {
            jdbc.sql("""
                            insert into custom_service_plan (tenant_id, sku_id, position, service_plan_id, name,
                                display_name, applies_to) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            tenant.value(),
                            product.skuId().value(),
                            position++,
                            plan.id().value(),
                            plan.name(),
                            plan.displayName(),
                            plan.appliesTo().name())
                    .update();
        }
    }

    @Override
    public void remove(TenantId tenant, SkuId sku) {
        stamps.wrote(tenant);
        jdbc.sql("delete from custom_product where tenant_id = ? and sku_id = ?")
                .params(tenant.value(), sku.value())
                .update();
    }
}
