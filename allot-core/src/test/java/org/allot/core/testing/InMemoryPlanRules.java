package org.allot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.catalog.PlanRule;
import org.allot.core.catalog.PlanRules;

public final class InMemoryPlanRules implements PlanRules {
    private final Map<TenantId, List<PlanRule>> rules = new ConcurrentHashMap<>();

    @Override
    public synchronized List<PlanRule> custom(TenantId tenant) {
        return List.copyOf(rules.getOrDefault(tenant, List.of()));
    }

    @Override
    public synchronized void add(TenantId tenant, PlanRule rule) {
        rules.computeIfAbsent(tenant, t -> new ArrayList<>()).add(rule);
    }

    @Override
    public synchronized boolean remove(TenantId tenant, UUID id) {
        return rules.getOrDefault(tenant, new ArrayList<>()).removeIf(r -> r.id().equals(id));
    }
}
