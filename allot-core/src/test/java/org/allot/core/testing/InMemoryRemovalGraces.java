package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.RemovalGraces;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;

public final class InMemoryRemovalGraces implements RemovalGraces {
    private final Map<TenantId, Map<SkuId, Integer>> days = new ConcurrentHashMap<>();
    private final InMemoryAssignments assignments;
    private final InMemoryUsers users;

    public InMemoryRemovalGraces(InMemoryAssignments assignments, InMemoryUsers users) {
        this.assignments = assignments;
        this.users = users;
    }

    @Override
    public Map<SkuId, Integer> days(TenantId tenant) {
        return Map.copyOf(days.getOrDefault(tenant, Map.of()));
    }

    @Override
    public void setDays(TenantId tenant, SkuId sku, int value) {
        Map<SkuId, Integer> of = days.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        if (value == 0) {
            of.remove(sku);
        } else {
            of.put(sku, value);
        }
    }

    @Override
    public List<Due> dueBy(Instant now, int limit) {
        List<Due> result = new ArrayList<>();
        assignments.pendingRemovals().forEach((tenant, rows) -> rows.stream()
                .filter(a -> !a.pendingRemovalAt().isAfter(now))
                .filter(a ->
                        users.find(tenant, a.user()).filter(u -> !u.isDeleted()).isPresent())
                .sorted(Comparator.comparing(LicenseAssignment::pendingRemovalAt))
                .forEach(a -> result.add(new Due(tenant, a.user(), a.sku()))));
        return result.stream().distinct().limit(limit).toList();
    }

    @Override
    public List<Held> pending(TenantId tenant, SkuId sku, int limit) {
        return assignments.pendingRemovals().getOrDefault(tenant, List.of()).stream()
                .filter(a -> a.sku().equals(sku))
                .sorted(Comparator.comparing(LicenseAssignment::pendingRemovalAt))
                .limit(limit)
                .map(a -> new Held(
                        a.user(),
                        users.find(tenant, a.user())
                                .map(User::userPrincipalName)
                                .orElse(null),
                        a.source(),
                        a.pendingRemovalAt()))
                .toList();
    }
}
