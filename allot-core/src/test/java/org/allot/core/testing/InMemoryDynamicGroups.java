package org.allot.core.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.DynamicGroups;

public final class InMemoryDynamicGroups implements DynamicGroups {
    private final InMemoryUsers users;
    private final InMemoryGroups groups;
    private final InMemoryMemberships memberships;

    public InMemoryDynamicGroups(InMemoryUsers users, InMemoryGroups groups, InMemoryMemberships memberships) {
        this.users = users;
        this.groups = groups;
        this.memberships = memberships;
    }

    @Override
    public List<Group> all(TenantId tenant) {
        return groups.all(tenant).stream()
                .filter(Group::isDynamic)
                .sorted(Comparator.comparing(Group::id))
                .toList();
    }

    @Override
    public List<User> users(TenantId tenant, UserId after, int limit) {
        return users.of(tenant).values().stream()
                .filter(u -> !u.isDeleted())
                .filter(u -> after == null || u.id().compareTo(after) > 0)
                .sorted(Comparator.comparing(User::id))
                .limit(limit)
                .toList();
    }

    @Override
    public List<User> lock(TenantId tenant, Collection<UserId> ids) {
        return new TreeSet<>(ids)
                .stream()
                        .map(id -> users.of(tenant).get(id))
                        .filter(u -> u != null && !u.isDeleted())
                        .toList();
    }

    @Override
    public long countUsers(TenantId tenant) {
        return users.of(tenant).values().stream().filter(u -> !u.isDeleted()).count();
    }

    @Override
    public Map<GroupId, Set<UserId>> members(TenantId tenant, Collection<GroupId> ids, Collection<UserId> userIds) {
        Map<GroupId, Set<UserId>> result = new HashMap<>();
        for (GroupId group : ids) {
            for (UserId user : userIds) {
                if (memberships.isDirectMember(tenant, group, Member.user(user))) {
                    result.computeIfAbsent(group, g -> new TreeSet<>()).add(user);
                }
            }
        }
        return result;
    }

    @Override
    public void addMembers(TenantId tenant, GroupId group, Collection<UserId> ids) {
        ids.forEach(id -> memberships.add(tenant, group, Member.user(id)));
    }

    @Override
    public void removeMembers(TenantId tenant, GroupId group, Collection<UserId> ids) {
        ids.forEach(id -> memberships.remove(tenant, group, Member.user(id)));
    }
}
