package org.allot.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;

public final class InMemoryGroups implements Groups {
    private final Map<TenantId, Map<GroupId, Group>> groups = new ConcurrentHashMap<>();
    private InMemoryMemberships memberships;

    void removeAlso(InMemoryMemberships memberships) {
        this.memberships = memberships;
    }

    Map<GroupId, Group> of(TenantId tenant) {
        return groups.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return Optional.ofNullable(of(tenant).get(id));
    }

    @Override
    public void add(TenantId tenant, Group group) {
        of(tenant).put(group.id(), group);
    }

    @Override
    public void update(TenantId tenant, Group group) {
        of(tenant).put(group.id(), group);
    }

    /** Every group of the tenant. */
    public java.util.Collection<Group> all(TenantId tenant) {
        return of(tenant).values();
    }

    @Override
    public void remove(TenantId tenant, GroupId id) {
        of(tenant).remove(id);
        if (memberships != null) {
            memberships.removeGroup(tenant, id);
        }
    }
}
