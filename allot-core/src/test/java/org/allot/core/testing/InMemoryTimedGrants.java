package org.allot.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.timebound.TimedGrant;
import org.allot.core.timebound.TimedGrants;

public final class InMemoryTimedGrants implements TimedGrants {
    /** The soonest due first (those never due last), then by user and target. */
    private static final Comparator<TimedGrant> DUE = Comparator.comparing(
                    TimedGrant::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TimedGrant::user)
            .thenComparing(TimedGrant::target);

    private final Map<TenantId, Map<TimedGrant.Key, TimedGrant>> grants = new ConcurrentHashMap<>();

    private Map<TimedGrant.Key, TimedGrant> of(TenantId tenant) {
        return grants.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public Optional<TimedGrant> find(TenantId tenant, TimedGrant.Key key) {
        return Optional.ofNullable(of(tenant).get(key));
    }

    @Override
    public void put(TenantId tenant, TimedGrant grant) {
        of(tenant).put(grant.key(), grant);
    }

    @Override
    public boolean remove(TenantId tenant, TimedGrant.Key key) {
        return of(tenant).remove(key) != null;
    }

    @Override
    public List<TimedGrant> ofUser(TenantId tenant, UserId user) {
        return of(tenant).values().stream()
                .filter(g -> g.user().equals(user))
                .sorted(DUE)
                .toList();
    }

    @Override
    public List<TimedGrant> ofGroup(TenantId tenant, GroupId group) {
        return of(tenant).values().stream()
                .filter(g -> g.kind() == TimedGrant.Kind.MEMBERSHIP && g.group().equals(group))
                .sorted(DUE)
                .toList();
    }

    @Override
    public List<TenantId> tenantsDueBy(Instant now) {
        return grants.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(g -> g.isDue(now)))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public List<TimedGrant> dueBy(TenantId tenant, Instant now, int limit) {
        return of(tenant).values().stream()
                .filter(g -> g.isDue(now))
                .sorted(DUE)
                .limit(limit)
                .toList();
    }
}
