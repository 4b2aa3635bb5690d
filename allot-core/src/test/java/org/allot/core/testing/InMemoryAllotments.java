package org.allot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentCount;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.Allotments;
import org.allot.core.assignment.PoolBook;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;

/** Allotments in memory: each tenant's pools, the pools group assignments name, and each pool's figures. */
public final class InMemoryAllotments implements Allotments {
    private final Map<TenantId, Map<AllotmentId, Allotment>> pools = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<AllotmentId, AllotmentCount>> counts = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<Named, AllotmentId>> named = new ConcurrentHashMap<>();

    private Map<AllotmentId, Allotment> of(TenantId tenant) {
        return pools.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    private Map<AllotmentId, AllotmentCount> countsOf(TenantId tenant) {
        return counts.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    private Map<Named, AllotmentId> namedOf(TenantId tenant) {
        return named.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public synchronized PoolBook book(TenantId tenant) {
        return new PoolBook(new ArrayList<>(of(tenant).values()), Map.copyOf(namedOf(tenant)));
    }

    @Override
    public synchronized Optional<Allotment> find(TenantId tenant, AllotmentId id) {
        return Optional.ofNullable(of(tenant).get(id));
    }

    @Override
    public synchronized void add(TenantId tenant, Allotment allotment) {
        of(tenant).put(allotment.id(), allotment);
        countsOf(tenant).put(allotment.id(), AllotmentCount.EMPTY);
    }

    @Override
    public synchronized void update(TenantId tenant, Allotment allotment) {
        of(tenant).put(allotment.id(), allotment);
    }

    @Override
    public synchronized void remove(TenantId tenant, AllotmentId id) {
        of(tenant).remove(id);
        countsOf(tenant).remove(id);
        namedOf(tenant).values().removeIf(id::equals);
    }

    @Override
    public synchronized void name(TenantId tenant, GroupId group, SkuId sku, Optional<AllotmentId> pool) {
        if (pool.isPresent()) {
            namedOf(tenant).put(new Named(group, sku), pool.get());
        } else {
            namedOf(tenant).remove(new Named(group, sku));
        }
    }

    @Override
    public synchronized Map<AllotmentId, AllotmentCount> counts(TenantId tenant) {
        return Map.copyOf(countsOf(tenant));
    }

    @Override
    public synchronized Map<AllotmentId, AllotmentCount> lock(TenantId tenant, SkuId sku) {
        Map<AllotmentId, AllotmentCount> locked = new TreeMap<>();
        of(tenant).values().stream()
                .filter(a -> a.sku().equals(sku))
                .forEach(a -> locked.put(a.id(), countsOf(tenant).getOrDefault(a.id(), AllotmentCount.EMPTY)));
        return locked;
    }

    @Override
    public synchronized void save(TenantId tenant, AllotmentId id, AllotmentCount count) {
        if (of(tenant).containsKey(id)) {
            countsOf(tenant).put(id, count);
        }
    }

    /** Every pool's figures, for tests that compare them with a recount. */
    public synchronized List<Allotment> all(TenantId tenant) {
        return List.copyOf(of(tenant).values());
    }
}
