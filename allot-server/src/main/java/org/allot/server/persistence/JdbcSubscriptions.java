package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.LifecycleDates;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.core.subscription.Subscriptions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenants' subscriptions, and those whose calendar has a move due: a query over every tenant (the servers each run
 * it; {@link org.allot.core.subscription.SubscriptionCalendar} makes each move once, under the product's seat lock).
 */
public final class JdbcSubscriptions implements Subscriptions, LifecycleDates {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Subscriptions read from the database at every read. */
    public JdbcSubscriptions(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** A tenant's subscriptions remembered while its stamp stays where it was. */
    public JdbcSubscriptions(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public List<Subscription> all(TenantId tenant) {
        return stamps.read(
                tenant,
                TenantStamps.Kind.SUBSCRIPTIONS,
                () -> List.copyOf(jdbc.sql("select * from subscription where tenant_id = ? order by created_at, id")
                        .param(tenant.value())
                        .query(JdbcSubscriptions::map)
                        .list()));
    }

    @Override
    public List<Subscription> ofSku(TenantId tenant, SkuId sku) {
        return all(tenant).stream().filter(s -> s.skuId().equals(sku)).toList();
    }

    @Override
    public Optional<Subscription> find(TenantId tenant, SubscriptionId id) {
        return all(tenant).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public void add(TenantId tenant, Subscription s) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        insert into subscription (tenant_id, id, sku_id, total_licenses, status, is_trial, created_at,
                            next_lifecycle_at, start_at, end_at, auto_renew, unit_price, currency)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        s.id().value(),
                        s.skuId().value(),
                        s.totalLicenses(),
                        s.status().name(),
                        s.isTrial(),
                        SqlValues.time(s.createdDateTime()),
                        SqlValues.time(s.nextLifecycleDateTime()),
                        SqlValues.time(s.terms().startDateTime()),
                        SqlValues.time(s.terms().endDateTime()),
                        s.terms().autoRenew(),
                        s.terms().unitPrice(),
                        s.terms().currency())
                .update();
    }

    @Override
    public void update(TenantId tenant, Subscription s) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        update subscription set total_licenses = ?, status = ?, is_trial = ?, next_lifecycle_at = ?,
                            start_at = ?, end_at = ?, auto_renew = ?, unit_price = ?, currency = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        s.totalLicenses(),
                        s.status().name(),
                        s.isTrial(),
                        SqlValues.time(s.nextLifecycleDateTime()),
                        SqlValues.time(s.terms().startDateTime()),
                        SqlValues.time(s.terms().endDateTime()),
                        s.terms().autoRenew(),
                        s.terms().unitPrice(),
                        s.terms().currency(),
                        tenant.value(),
                        s.id().value())
                .update();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                new SubscriptionId(SqlValues.uuid(rs, "id")),
                new SkuId(SqlValues.uuid(rs, "sku_id")),
                rs.getInt("total_licenses"),
                SubscriptionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("is_trial"),
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "next_lifecycle_at"),
                new SubscriptionTerms(
                        SqlValues.instant(rs, "start_at"),
                        SqlValues.instant(rs, "end_at"),
                        rs.getBoolean("auto_renew"),
                        price(rs.getBigDecimal("unit_price")),
                        rs.getString("currency")));
    }

    /** The price as it was given: numeric(16, 4) pads it with zeros. */
    private static java.math.BigDecimal price(java.math.BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        java.math.BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    @Override
    public List<Due> dueBy(Instant at, int limit) {
        return jdbc.sql("""
                        select tenant_id, id from subscription
                        where status <> 'Deleted' and end_at is not null and not auto_renew and next_lifecycle_at <= ?
                        order by next_lifecycle_at, tenant_id, id limit ?""")
                .params(SqlValues.time(at), limit)
                .query((rs, row) -> new Due(
                        new TenantId(SqlValues.uuid(rs, "tenant_id")), new SubscriptionId(SqlValues.uuid(rs, "id"))))
                .list();
    }
}
