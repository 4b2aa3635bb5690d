package org.allot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.SeatHolders;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.LifecycleSettings;
import org.allot.core.subscription.OverageClocks;

/** The ports of capacity below use in memory: seat holders in take-back order, overage clocks, lifecycle periods. */
public final class InMemoryCapacity implements SeatHolders, OverageClocks, LifecycleSettings {
    private final InMemoryAssignments assignments;
    private final InMemoryUsers users;
    private final InMemoryGroupLicenses groupLicenses;
    private final Map<TenantId, Map<SkuId, Instant>> clocks = new ConcurrentHashMap<>();
    private final Map<TenantId, java.util.Set<SkuId>> deleted = new ConcurrentHashMap<>();
    private final Map<TenantId, LifecyclePeriods> periods = new ConcurrentHashMap<>();

    public InMemoryCapacity(InMemoryAssignments assignments, InMemoryUsers users, InMemoryGroupLicenses groupLicenses) {
        this.assignments = assignments;
        this.users = users;
        this.groupLicenses = groupLicenses;
    }

    @Override
    public List<Holder> inTakeBackOrder(TenantId tenant, SkuId sku, boolean groupsOnly, int limit) {
        Map<UserId, List<LicenseAssignment>> byUser = new HashMap<>();
        for (LicenseAssignment a : assignments.all(tenant)) {
            if (a.sku().equals(sku)) {
                byUser.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
            }
        }
        List<Holder> holders = new ArrayList<>();
        byUser.forEach((id, rows) -> {
            Optional<User> user = users.find(tenant, id).filter(u -> !u.isDeleted());
            if (user.isEmpty() || rows.stream().noneMatch(LicenseAssignment::holdsSeat)) {
                return;
            }
            boolean direct = rows.stream().anyMatch(a -> a.source().isDirect());
            if (direct && groupsOnly) {
                return;
            }
            int rank = rows.stream()
                    .filter(a -> !a.source().isDirect())
                    .mapToInt(a -> groupLicenses.priority(tenant, a.source().groupOrNull()))
                    .max()
                    .orElse(0);
            Instant granted = rows.stream()
                    .map(LicenseAssignment::requestedAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            holders.add(
                    new Holder(id, user.get().userPrincipalName(), user.get().displayName(), direct, rank, granted));
        });
        holders.sort(TAKE_BACK_ORDER);
        return holders.stream().limit(limit).toList();
    }

    @Override
    public Optional<Clock> find(TenantId tenant, SkuId sku) {
        return Optional.ofNullable(clocks.getOrDefault(tenant, Map.of()).get(sku))
                .map(since -> new Clock(
                        tenant,
                        sku,
                        since,
                        deleted.getOrDefault(tenant, java.util.Set.of()).contains(sku)));
    }

    @Override
    public void start(TenantId tenant, SkuId sku, Instant at) {
        clocks.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).putIfAbsent(sku, at);
    }

    @Override
    public void deleted(TenantId tenant, SkuId sku, Instant at) {
        start(tenant, sku, at);
        deleted.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(sku);
    }

    @Override
    public void stop(TenantId tenant, SkuId sku) {
        clocks.getOrDefault(tenant, new HashMap<>()).remove(sku);
        Optional.ofNullable(deleted.get(tenant)).ifPresent(skus -> skus.remove(sku));
    }

    @Override
    public List<Clock> running() {
        List<Clock> all = new ArrayList<>();
        clocks.forEach((tenant, skus) -> skus.forEach((sku, since) -> all.add(new Clock(
                tenant,
                sku,
                since,
                deleted.getOrDefault(tenant, java.util.Set.of()).contains(sku)))));
        all.sort(Comparator.comparing(Clock::since));
        return all;
    }

    @Override
    public Optional<LifecyclePeriods> find(TenantId tenant) {
        return Optional.ofNullable(periods.get(tenant));
    }

    @Override
    public void save(TenantId tenant, LifecyclePeriods value) {
        periods.put(tenant, value);
    }
}
