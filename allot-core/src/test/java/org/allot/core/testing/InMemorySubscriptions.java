package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.LifecycleDates;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.Subscriptions;

public final class InMemorySubscriptions implements Subscriptions, LifecycleDates {
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

    @Override
    public synchronized List<Due> dueBy(Instant at, int limit) {
        List<Map.Entry<Instant, Due>> due = new ArrayList<>();
        subscriptions.forEach((tenant, list) -> list.stream()
                .filter(s -> s.status() != SubscriptionStatus.Deleted)
                .filter(s -> s.terms().endDateTime() != null && !s.terms().autoRenew())
                .filter(s -> s.nextLifecycleDateTime() != null
                        && !s.nextLifecycleDateTime().isAfter(at))
                .forEach(s -> due.add(Map.entry(s.nextLifecycleDateTime(), new Due(tenant, s.id())))));
        return due.stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getValue)
                .toList();
    }
}
