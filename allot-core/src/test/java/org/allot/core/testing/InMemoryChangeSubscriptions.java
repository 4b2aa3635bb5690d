package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeSubscriptions;

/** Change subscriptions in memory. */
public final class InMemoryChangeSubscriptions implements ChangeSubscriptions {
    private final Map<UUID, ChangeSubscription> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(ChangeSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public synchronized Optional<ChangeSubscription> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(s -> s.tenant().equals(tenant));
    }

    @Override
    public synchronized List<ChangeSubscription> all(TenantId tenant) {
        return byId.values().stream()
                .filter(s -> s.tenant().equals(tenant))
                .sorted(Comparator.comparing(ChangeSubscription::created))
                .toList();
    }

    @Override
    public synchronized List<ChangeSubscription> live(TenantId tenant, Instant now) {
        return all(tenant).stream().filter(s -> s.live(now)).toList();
    }

    @Override
    public synchronized List<ChangeSubscription> expiringUnchallenged(Instant now, Instant by, int limit) {
        return byId.values().stream()
                .filter(s -> s.lifecycleNotificationUrl() != null && s.live(now))
                .filter(s -> !s.expiration().isAfter(by) && !s.expiration().equals(s.expiryChallengedFor()))
                .sorted(Comparator.comparing(ChangeSubscription::expiration))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ChangeSubscription> ofApplication(TenantId tenant, String applicationId) {
        return all(tenant).stream()
                .filter(s -> applicationId.equals(s.applicationId()))
                .toList();
    }

    @Override
    public synchronized void update(ChangeSubscription subscription) {
        byId.replace(subscription.id(), subscription);
    }

    @Override
    public synchronized void remove(TenantId tenant, UUID id) {
        find(tenant, id).ifPresent(s -> byId.remove(id));
    }

    @Override
    public synchronized int forget(Instant before) {
        List<UUID> gone = new ArrayList<>();
        byId.values().stream()
                .filter(s -> s.expiration().isBefore(before)
                        || (s.state() == ChangeSubscription.State.REMOVED
                                && s.failingSince().isBefore(before)))
                .forEach(s -> gone.add(s.id()));
        gone.forEach(byId::remove);
        return gone.size();
    }

    @Override
    public synchronized int count(TenantId tenant, Instant now) {
        return (int) all(tenant).stream().filter(s -> !s.expired(now)).count();
    }
}
