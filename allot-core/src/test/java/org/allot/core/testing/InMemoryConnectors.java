package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.sync.Connector;
import org.allot.core.sync.Connectors;
import org.allot.core.sync.DueSync;
import org.allot.core.sync.RunRequest;
import org.allot.core.sync.SyncCheckpoint;

public final class InMemoryConnectors implements Connectors {
    private final Map<TenantId, Connector> connectors = new ConcurrentHashMap<>();
    private final Map<TenantId, String> passwords = new ConcurrentHashMap<>();
    private final Map<TenantId, SyncCheckpoint> checkpoints = new ConcurrentHashMap<>();
    private final Map<TenantId, RunRequest> requests = new ConcurrentHashMap<>();
    private final Map<TenantId, Instant> lastStarted = new ConcurrentHashMap<>();

    @Override
    public Optional<Connector> find(TenantId tenant) {
        return Optional.ofNullable(connectors.get(tenant))
                .map(c -> new Connector(
                        c.tenant(), c.settings(), c.passwordSet(), c.createdAt(), c.updatedAt(), requests.get(tenant)));
    }

    @Override
    public void save(Connector connector, String sealedPassword) {
        connectors.put(connector.tenant(), connector);
        if (sealedPassword != null) {
            passwords.put(connector.tenant(), sealedPassword);
        }
    }

    @Override
    public Optional<String> sealedPassword(TenantId tenant) {
        return Optional.ofNullable(passwords.get(tenant));
    }

    @Override
    public Optional<SyncCheckpoint> checkpoint(TenantId tenant) {
        return Optional.ofNullable(checkpoints.get(tenant));
    }

    @Override
    public void saveCheckpoint(TenantId tenant, SyncCheckpoint checkpoint) {
        checkpoints.put(tenant, checkpoint);
    }

    @Override
    public void requestRun(TenantId tenant, Instant at, String requestedBy, boolean full) {
        requests.merge(
                tenant,
                new RunRequest(at, requestedBy, full),
                (waiting, again) -> new RunRequest(waiting.at(), waiting.requestedBy(), waiting.full() || full));
    }

    @Override
    public void runStarted(TenantId tenant, Instant at) {
        requests.remove(tenant);
        lastStarted.put(tenant, at);
    }

    @Override
    public List<DueSync> due(Instant cutoff) {
        List<DueSync> due = new ArrayList<>();
        requests.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(RunRequest::at)))
                .forEach(e -> due.add(new DueSync(e.getKey(), e.getValue())));
        connectors.values().stream()
                .filter(c -> c.settings().enabled() && !requests.containsKey(c.tenant()))
                .filter(c -> !lastStarted.containsKey(c.tenant())
                        || lastStarted.get(c.tenant()).isBefore(cutoff))
                .sorted(Comparator.comparing(
                        (Connector c) -> lastStarted.get(c.tenant()), Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(c -> due.add(new DueSync(c.tenant(), null)));
        return due;
    }

    public boolean runRequested(TenantId tenant) {
        return requests.containsKey(tenant);
    }
}
