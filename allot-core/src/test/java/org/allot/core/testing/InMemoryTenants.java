package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;

public final class InMemoryTenants implements Tenants {
    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    @Override
    public List<Tenant> all() {
        return new ArrayList<>(tenants.values());
    }

    @Override
    public List<Tenant> withVerifiedDomain(String domain) {
        return tenants.values().stream()
                .filter(t -> t.hasVerifiedDomain(domain))
                .sorted(Comparator.comparing(Tenant::createdDateTime))
                .toList();
    }

    @Override
    public void add(Tenant tenant) {
        if (tenants.putIfAbsent(tenant.id(), tenant) != null) {
            throw new IllegalStateException("duplicate tenant");
        }
    }

    @Override
    public void update(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }
}
