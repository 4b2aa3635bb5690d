package org.allot.core.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.notification.ChangeSubscriptions;
import org.allot.core.notification.RelayPositions;

/** Positions of change notifications in an in-memory change log. */
public final class InMemoryRelayPositions implements RelayPositions {
    private final InMemoryChangeLog log;
    private final ChangeSubscriptions subscriptions;
    private final Map<TenantId, String> positions = new LinkedHashMap<>();

    public InMemoryRelayPositions(InMemoryChangeLog log, ChangeSubscriptions subscriptions) {
        this.log = log;
        this.subscriptions = subscriptions;
    }

    @Override
    public synchronized void start(TenantId tenant) {
        positions.putIfAbsent(tenant, log.horizon());
    }

    @Override
    public synchronized List<Position> claim(int limit) {
        return positions.entrySet().stream()
                .limit(limit)
                .map(e -> new Position(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public synchronized void advance(TenantId tenant, String position, Instant at) {
        positions.replace(tenant, position);
    }

    @Override
    public synchronized void stopUnlessSubscribed(TenantId tenant, Instant now) {
        if (subscriptions.live(tenant, now).isEmpty()) {
            positions.remove(tenant);
        }
    }

    public synchronized boolean follows(TenantId tenant) {
        return positions.containsKey(tenant);
    }
}
