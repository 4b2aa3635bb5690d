package org.allot.core.report;

import static org.allot.core.testing.TestCatalog.E3;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.core.subscription.Subscriptions;

/** What the report tests read from: subscriptions bought, and holdings paged as storage pages them. */
final class ReportFixtures {
    private ReportFixtures() {}

    /**
     * Holdings by product, user and source, a page after a key, as storage pages them; narrowed to the users whose
     * unit ({@code unitOf}) is one of the units asked for, when asked.
     */
    static Holdings paged(List<Holding> all, Map<UUID, UUID> unitOf) {
        Comparator<Holding.Key> order = Comparator.comparing(
                        (Holding.Key k) -> k.sku().value())
                .thenComparing(Holding.Key::user)
                .thenComparing(Holding.Key::source);
        List<Holding> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Holding::key, order));
        return (tenant, after, limit, seatsOnly, units) -> sorted.stream()
                .filter(h -> after == null || order.compare(h.key(), after) > 0)
                .filter(h -> !seatsOnly || h.holdsSeat())
                .filter(h -> units == null || units.contains(unitOf.get(h.userId())))
                .limit(limit)
                .toList();
    }

    /** The tenant's subscriptions, these and no others; read-only. */
    static Subscriptions subscriptions(Subscription... bought) {
        return new Subscriptions() {
            @Override
            public List<Subscription> all(TenantId tenant) {
                return List.of(bought);
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
            public void add(TenantId tenant, Subscription subscription) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void update(TenantId tenant, Subscription subscription) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A subscription of E3, enabled since {@code bought}, at a monthly price per seat. */
    static Subscription priced(int seats, String price, String currency, Instant bought) {
        return new Subscription(
                new SubscriptionId(UUID.randomUUID()),
                E3.skuId(),
                seats,
                SubscriptionStatus.Enabled,
                false,
                bought,
                null,
                new SubscriptionTerms(bought, null, false, new BigDecimal(price), currency));
    }
}
