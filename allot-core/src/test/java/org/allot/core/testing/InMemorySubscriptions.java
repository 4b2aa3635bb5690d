package org.allot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.Subscriptions;

public final class InMemorySubscriptions implements Subscriptions {
    private final Map<TenantId, List<Subscription>> subscriptions = new ConcurrentHashMap<>();

    private List<Subscription> of(TenantId tenant) {
        return subscriptions.computeIfAbsent(tenant, t -> new ArrayList<>());
    }

    @Override
    public synchronized List<Subscription> all(TenantId tenant) {
        return List.copyOf(of(tenant));
    }

    @Override
    public synchronized List<Subscription> ofSku(TenantId tenant, SkuId sku) {
        return of(tenant).stream().filter(s -> s.skuId().equals(sku)).toList();
    }

    @Override
    public synchronized Optional<Subscription> find(TenantId tenant, SubscriptionId id) {
        return of(tenant).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public synchronized void add(TenantId tenant, Subscription subscription) {
        of(tenant).add(subscription);
    }

    @Override
    public synchronized void update(TenantId tenant, Subscription subscription) {
        of(tenant).replaceAll(s -> s.id().equals(subscription.id()) ? subscription : s);
    }
}
