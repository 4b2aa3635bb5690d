package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitId;
import org.allot.core.unit.UnitRoleAssignments;
import org.allot.core.unit.Units;

/** Administrative units, their members and the roles held over them, in memory. */
public final class InMemoryUnits implements Units, UnitRoleAssignments {
    private final Map<TenantId, Map<UnitId, AdministrativeUnit>> units = new ConcurrentHashMap<>();
    /** Per unit: the ids of its user members and of its group members. */
    private final Map<UnitId, Set<UUID>> userMembers = new ConcurrentHashMap<>();

    private final Map<UnitId, Set<UUID>> groupMembers = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<UUID, ScopedRoleMember>> roles = new ConcurrentHashMap<>();

    private Map<UnitId, AdministrativeUnit> of(TenantId tenant) {
        return units.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }

    @Override
    public synchronized Set<UUID> unitsOf(TenantId tenant, UUID member) {
        Set<UUID> found = new HashSet<>();
        for (UnitId unit : of(tenant).keySet()) {
            if (userMembers.getOrDefault(unit, Set.of()).contains(member)
                    || groupMembers.getOrDefault(unit, Set.of()).contains(member)) {
                found.add(unit.value());
            }
        }
        return found;
    }

    @Override
    public synchronized List<AdministrativeUnit> all(TenantId tenant) {
        return of(tenant).values().stream()
                .sorted(Comparator.comparing(AdministrativeUnit::displayName).thenComparing(u -> u.id().value()))
                .toList();
    }

    @Override
    public synchronized Optional<AdministrativeUnit> find(TenantId tenant, UnitId id) {
        return Optional.ofNullable(of(tenant).get(id));
    }

    @Override
    public Optional<AdministrativeUnit> lock(TenantId tenant, UnitId id) {
        return find(tenant, id);
    }

    @Override
    public synchronized void add(TenantId tenant, AdministrativeUnit unit) {
        of(tenant).put(unit.id(), unit);
    }

    @Override
    public synchronized void update(TenantId tenant, AdministrativeUnit unit) {
        of(tenant).put(unit.id(), unit);
    }

    @Override
    public synchronized void remove(TenantId tenant, UnitId id) {
        of(tenant).remove(id);
        userMembers.remove(id);
        groupMembers.remove(id);
        roles.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).values().removeIf(r -> r.unit()
                .equals(id));
    }

    @Override
    public synchronized List<Member> members(TenantId tenant, UnitId unit, UUID after, int limit) {
        List<Member> all = new ArrayList<>();
        new TreeSet<>(userMembers.getOrDefault(unit, Set.of())).forEach(id -> all.add(Member.user(new UserId(id))));
        new TreeSet<>(groupMembers.getOrDefault(unit, Set.of())).forEach(id -> all.add(Member.group(new GroupId(id))));
        int from = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (idOf(all.get(i)).equals(after)) {
                    from = i + 1;
                }
            }
        }
        return List.copyOf(all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit)));
    }

    private static UUID idOf(Member member) {
        return member instanceof Member.OfUser u
                ? u.id().value()
                : ((Member.OfGroup) member).id().value();
    }

    private Set<UUID> setOf(UnitId unit, Member member) {
        return (member instanceof Member.OfUser ? userMembers : groupMembers)
                .computeIfAbsent(unit, u -> new HashSet<>());
    }

    @Override
    public synchronized boolean isMember(TenantId tenant, UnitId unit, Member member) {
        return setOf(unit, member).contains(idOf(member));
    }

    @Override
    public synchronized boolean addMember(TenantId tenant, UnitId unit, Member member) {
        return setOf(unit, member).add(idOf(member));
    }

    @Override
    public synchronized boolean removeMember(TenantId tenant, UnitId unit, Member member) {
        return setOf(unit, member).remove(idOf(member));
    }

    @Override
    public synchronized Set<UserId> userMembers(TenantId tenant, UnitId unit, Collection<UserId> users) {
        Set<UUID> members = userMembers.getOrDefault(unit, Set.of());
        Set<UserId> found = new HashSet<>();
        users.stream().filter(u -> members.contains(u.value())).forEach(found::add);
        return found;
    }

    @Override
    public synchronized void moveUsers(
            TenantId tenant, UnitId unit, Collection<UserId> joined, Collection<UserId> left) {
        Set<UUID> members = userMembers.computeIfAbsent(unit, u -> new HashSet<>());
        joined.forEach(u -> members.add(u.value()));
        left.forEach(u -> members.remove(u.value()));
    }

    @Override
    public synchronized void clearMembers(TenantId tenant, UnitId unit) {
        userMembers.remove(unit);
        groupMembers.remove(unit);
    }

    private Map<UUID, ScopedRoleMember> rolesOf(TenantId tenant) {
        return roles.computeIfAbsent(tenant, t -> new TreeMap<>());
    }

    @Override
    public synchronized List<ScopedRoleMember> ofUnit(TenantId tenant, UnitId unit) {
        return rolesOf(tenant).values().stream()
                .filter(r -> r.unit().equals(unit))
                .sorted(Comparator.comparing(ScopedRoleMember::createdAt).thenComparing(ScopedRoleMember::id))
                .toList();
    }

    @Override
    public synchronized List<ScopedRoleMember> ofMember(TenantId tenant, Actor.Kind kind, String memberId) {
        return rolesOf(tenant).values().stream()
                .filter(r -> r.member().kind() == kind && r.member().id().equals(memberId))
                .sorted(Comparator.comparing(ScopedRoleMember::createdAt).thenComparing(ScopedRoleMember::id))
                .toList();
    }

    @Override
    public synchronized Optional<ScopedRoleMember> find(TenantId tenant, UnitId unit, UUID id) {
        return Optional.ofNullable(rolesOf(tenant).get(id)).filter(r -> r.unit().equals(unit));
    }

    @Override
    public synchronized void add(TenantId tenant, ScopedRoleMember assignment) {
        rolesOf(tenant).put(assignment.id(), assignment);
    }

    @Override
    public synchronized void remove(TenantId tenant, UnitId unit, UUID id) {
        rolesOf(tenant).remove(id);
    }

    @Override
    public synchronized void removeMember(TenantId tenant, Actor.Kind kind, String memberId) {
        rolesOf(tenant)
                .values()
                .removeIf(r -> r.member().kind() == kind && r.member().id().equals(memberId));
    }
}
