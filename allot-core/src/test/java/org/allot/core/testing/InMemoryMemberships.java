package org.allot.core.testing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

public final class InMemoryMemberships implements Memberships {
    private final Map<TenantId, Map<GroupId, Set<Member>>> members = new ConcurrentHashMap<>();
    private final InMemoryUsers users;

    public InMemoryMemberships(InMemoryUsers users) {
        this.users = users;
    }

    private Map<GroupId, Set<Member>> of(TenantId tenant) {
        return members.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public synchronized boolean add(TenantId tenant, GroupId group, Member member) {
        return of(tenant).computeIfAbsent(group, g -> new HashSet<>()).add(member);
    }

    @Override
    public synchronized boolean remove(TenantId tenant, GroupId group, Member member) {
        return of(tenant).getOrDefault(group, new HashSet<>()).remove(member);
    }

    @Override
    public boolean isDirectMember(TenantId tenant, GroupId group, Member member) {
        return of(tenant).getOrDefault(group, Set.of()).contains(member);
    }

    @Override
    public synchronized Set<Member> directMembers(TenantId tenant, GroupId group) {
        return new HashSet<>(of(tenant).getOrDefault(group, Set.of()));
    }

    @Override
    public Set<GroupId> parentGroups(TenantId tenant, GroupId group) {
        Set<GroupId> parents = new TreeSet<>();
        of(tenant).forEach((g, m) -> {
            if (m.contains(Member.group(group))) {
                parents.add(g);
            }
        });
        return parents;
    }

    @Override
    public Set<GroupId> descendantGroups(TenantId tenant, GroupId group) {
        Set<GroupId> seen = new HashSet<>();
        Deque<GroupId> todo = new ArrayDeque<>(List.of(group));
        while (!todo.isEmpty()) {
            for (Member m : of(tenant).getOrDefault(todo.pop(), Set.of())) {
                if (m instanceof Member.OfGroup g && seen.add(g.id())) {
                    todo.push(g.id());
                }
            }
        }
        return seen;
    }

    @Override
    public Set<GroupId> ancestorGroups(TenantId tenant, GroupId group) {
        Set<GroupId> seen = new HashSet<>();
        Deque<GroupId> todo = new ArrayDeque<>(List.of(group));
        while (!todo.isEmpty()) {
            for (GroupId parent : parentGroups(tenant, todo.pop())) {
                if (seen.add(parent)) {
                    todo.push(parent);
                }
            }
        }
        return seen;
    }

    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsers(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, Map<GroupId, Boolean>> result = new LinkedHashMap<>();
        for (UserId user : ids) {
            Map<GroupId, Boolean> groups = new HashMap<>();
            of(tenant).forEach((g, m) -> {
                if (m.contains(Member.user(user))) {
                    groups.put(g, true);
                }
            });
            for (GroupId direct : Set.copyOf(groups.keySet())) {
                ancestorGroups(tenant, direct).forEach(a -> groups.putIfAbsent(a, false));
            }
            if (!groups.isEmpty()) {
                result.put(user, groups);
            }
        }
        return result;
    }

    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsersBetween(TenantId tenant, UserId after, UserId last) {
        TreeSet<UserId> users = new TreeSet<>();
        of(tenant)
                .values()
                .forEach(members -> members.forEach(m -> {
                    if (m instanceof Member.OfUser u
                            && (after == null || u.id().compareTo(after) > 0)
                            && (last == null || u.id().compareTo(last) <= 0)) {
                        users.add(u.id());
                    }
                }));
        return groupsOfUsers(tenant, users);
    }

    @Override
    public List<UserId> userMembers(TenantId tenant, GroupId group, boolean nested, UserId after, int limit) {
        Set<GroupId> groups = new HashSet<>(List.of(group));
        if (nested) {
            groups.addAll(descendantGroups(tenant, group));
        }
        TreeSet<UserId> ids = new TreeSet<>();
        for (GroupId g : groups) {
            for (Member m : of(tenant).getOrDefault(g, Set.of())) {
                if (m instanceof Member.OfUser u
                        && users.find(tenant, u.id())
                                .filter(x -> !x.isDeleted())
                                .isPresent()) {
                    ids.add(u.id());
                }
            }
        }
        return (after == null ? ids : ids.tailSet(after, false))
                .stream().limit(limit).toList();
    }

    @Override
    public long countUserMembers(TenantId tenant, GroupId group, boolean nested) {
        return userMembers(tenant, group, nested, null, Integer.MAX_VALUE).size();
    }

    synchronized void removeUser(TenantId tenant, UserId user) {
        of(tenant).values().forEach(m -> m.remove(Member.user(user)));
    }

    synchronized void removeGroup(TenantId tenant, GroupId group) {
        of(tenant).remove(group);
        of(tenant).values().forEach(m -> m.remove(Member.group(group)));
    }

    /** Every user of the tenant, for tests that look at everyone. */
    public Collection<User> everyone(TenantId tenant) {
        return users.of(tenant).values();
    }
}
