package org.allot.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.alert.Alert;
import org.allot.core.alert.Alerts;

/** Alerts in memory; each call is atomic, so the lock is nothing. */
public final class InMemoryAlerts implements Alerts {
    private final Map<UUID, Alert> byId = new LinkedHashMap<>();

    @Override
    public void lock(TenantId tenant) {}

    @Override
    public synchronized boolean raise(Alert alert) {
        boolean open = byId.values().stream()
                .anyMatch(a ->
                        a.tenant().equals(alert.tenant()) && a.open() && a.key().equals(alert.key()));
        if (open) {
            return false;
        }
        byId.put(alert.id(), alert);
        return true;
    }

    @Override
    public synchronized boolean resolve(TenantId tenant, UUID id, Instant at) {
        Alert a = byId.get(id);
        if (a == null || !a.tenant().equals(tenant) || !a.open()) {
            return false;
        }
        byId.put(id, a.resolvedAt(at));
        return true;
    }

    @Override
    public synchronized List<Alert> open(TenantId tenant) {
        return byId.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.open())
                .sorted(Comparator.comparing(Alert::raised))
                .toList();
    }

    @Override
    public synchronized List<Alert> recent(TenantId tenant, boolean openOnly, int limit) {
        return byId.values().stream()
                .filter(a -> a.tenant().equals(tenant) && (a.open() || !openOnly))
                .sorted(Comparator.comparing((Alert a) -> !a.open())
                        .thenComparing(Alert::raised, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Alert> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(a -> a.tenant().equals(tenant));
    }
}
