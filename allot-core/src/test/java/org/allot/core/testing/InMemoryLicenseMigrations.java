package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseMigration;
import org.allot.core.assignment.LicenseMigrations;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;

public final class InMemoryLicenseMigrations implements LicenseMigrations {
    private final Map<UUID, LicenseMigration> runs = new ConcurrentHashMap<>();
    private final Map<UUID, List<LicenseMigration.Entry>> entries = new ConcurrentHashMap<>();
    private final InMemoryAssignments assignments;
    private final InMemoryUsers users;

    public InMemoryLicenseMigrations(InMemoryAssignments assignments, InMemoryUsers users) {
        this.assignments = assignments;
        this.users = users;
    }

    @Override
    public void add(LicenseMigration run) {
        runs.put(run.id(), run);
    }

    @Override
    public void update(LicenseMigration run) {
        runs.put(run.id(), run);
    }

    @Override
    public Optional<LicenseMigration> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.tenant().equals(tenant));
    }

    @Override
    public List<LicenseMigration> recent(TenantId tenant, int limit) {
        return runs.values().stream()
                .filter(r -> r.tenant().equals(tenant))
                .sorted(Comparator.comparing(LicenseMigration::requestedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void record(TenantId tenant, UUID run, List<LicenseMigration.Entry> added) {
        entries.computeIfAbsent(run, r -> new ArrayList<>()).addAll(added);
    }

    @Override
    public synchronized List<LicenseMigration.Entry> entries(TenantId tenant, UUID run, int offset, int limit) {
        List<LicenseMigration.Entry> all = entries.getOrDefault(run, List.of());
        return List.copyOf(all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
    }

    @Override
    public List<UserId> directHolders(TenantId tenant, SkuId sku, UserId after, int limit) {
        return assignments.all(tenant).stream()
                .filter(a -> a.sku().equals(sku) && a.source().isDirect())
                .map(LicenseAssignment::user)
                .filter(u -> after == null || u.compareTo(after) > 0)
                .filter(u -> users.find(tenant, u).filter(x -> !x.isDeleted()).isPresent())
                .distinct()
                .sorted()
                .limit(limit)
                .toList();
    }
}
