package org.allot.core.testing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.directory.GroupId;

public final class InMemoryGroupLicenses implements GroupLicenses {
    private final Map<TenantId, Map<GroupId, List<GroupLicense>>> licenses = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<GroupId, ProcessingState>> states = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<GroupId, Integer>> priorities = new ConcurrentHashMap<>();

    private static <V> Map<GroupId, V> of(Map<TenantId, Map<GroupId, V>> map, TenantId tenant) {
        return map.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public void lock(TenantId tenant, GroupId group) {}

    @Override
    public List<GroupLicense> of(TenantId tenant, GroupId group) {
        return of(licenses, tenant).getOrDefault(group, List.of());
    }

    @Override
    public Map<GroupId, List<GroupLicense>> ofGroups(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, List<GroupLicense>> result = new LinkedHashMap<>();
        for (GroupId group : groups) {
            List<GroupLicense> list = of(tenant, group);
            if (!list.isEmpty()) {
                result.put(group, list);
            }
        }
        return result;
    }

    @Override
    public void replace(TenantId tenant, GroupId group, List<GroupLicense> list) {
        of(licenses, tenant).put(group, List.copyOf(list));
    }

    @Override
    public Set<GroupId> licensedGroups(TenantId tenant) {
        Set<GroupId> result = new TreeSet<>();
        of(licenses, tenant).forEach((g, l) -> {
            if (!l.isEmpty()) {
                result.add(g);
            }
        });
        return result;
    }

    @Override
    public ProcessingState state(TenantId tenant, GroupId group) {
        return of(states, tenant).getOrDefault(group, ProcessingState.ProcessingComplete);
    }

    @Override
    public void setState(TenantId tenant, GroupId group, ProcessingState state) {
        of(states, tenant).put(group, state);
    }

    @Override
    public int priority(TenantId tenant, GroupId group) {
        return of(priorities, tenant).getOrDefault(group, 0);
    }

    @Override
    public void setPriority(TenantId tenant, GroupId group, int priority) {
        of(priorities, tenant).put(group, priority);
    }
}
