package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.assignment.AllotmentCount;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.assignment.WaitingOrder;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;

public final class InMemoryAssignments implements Assignments {
    private final Map<TenantId, Map<LicenseAssignment.Key, LicenseAssignment>> rows = new ConcurrentHashMap<>();
    private final InMemoryUsers users;
    private final InMemoryGroupLicenses groupLicenses;
    /** How many times each user was locked ({@link #lock}, {@link #tryLock}). */
    private final Map<UserId, Integer> locked = new ConcurrentHashMap<>();

    public InMemoryAssignments(InMemoryUsers users, InMemoryGroupLicenses groupLicenses) {
        this.users = users;
        this.groupLicenses = groupLicenses;
    }

    private Map<LicenseAssignment.Key, LicenseAssignment> of(TenantId tenant) {
        return rows.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public Map<UserId, LicenseSubject> lock(TenantId tenant, Collection<UserId> ids) {
        new TreeSet<>(ids).forEach(id -> locked.merge(id, 1, Integer::sum));
        return subjects(tenant, ids);
    }

    /** How many times {@code user} was locked so far. */
    public int timesLocked(UserId user) {
        return locked.getOrDefault(user, 0);
    }

    @Override
    public Map<UserId, LicenseSubject> subjects(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        for (UserId id : new TreeSet<>(ids)) {
            users.find(tenant, id).ifPresent(u -> subjects.put(id, LicenseSubject.of(u)));
        }
        return subjects;
    }

    @Override
    public Map<UserId, LicenseSubject> tryLock(TenantId tenant, Collection<UserId> ids) {
        return lock(tenant, ids);
    }

    @Override
    public Map<UserId, LicenseSubject> subjectsAfter(TenantId tenant, UserId after, int limit) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        TreeSet<UserId> ids = new TreeSet<>(users.of(tenant).keySet());
        (after == null ? ids : ids.tailSet(after, false)).stream().limit(limit).forEach(id -> users.find(tenant, id)
                .ifPresent(u -> subjects.put(id, LicenseSubject.of(u))));
        return subjects;
    }

    @Override
    public Optional<Map<UserId, LicenseSubject>> subjectsIn(TenantId tenant, UserRange range, int limit) {
        Map<UserId, LicenseSubject> subjects = new LinkedHashMap<>();
        new TreeSet<>(users.of(tenant).keySet())
                .stream().filter(range::contains).forEach(id -> users.find(tenant, id)
                        .ifPresent(u -> subjects.put(id, LicenseSubject.of(u))));
        return subjects.size() > limit ? Optional.empty() : Optional.of(subjects);
    }

    @Override
    public int countSubjects(TenantId tenant, UserRange range) {
        return (int) users.of(tenant).keySet().stream().filter(range::contains).count();
    }

    @Override
    public synchronized Map<UserId, List<LicenseAssignment>> between(TenantId tenant, UserId after, UserId last) {
        Map<UserId, List<LicenseAssignment>> result = new HashMap<>();
        for (LicenseAssignment a : of(tenant).values()) {
            if ((after == null || a.user().compareTo(after) > 0)
                    && (last == null || a.user().compareTo(last) <= 0)) {
                result.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
            }
        }
        return result;
    }

    @Override
    public synchronized Map<UserId, List<LicenseAssignment>> of(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, List<LicenseAssignment>> result = new HashMap<>();
        for (LicenseAssignment a : of(tenant).values()) {
            if (ids.contains(a.user())) {
                result.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
            }
        }
        return result;
    }

    @Override
    public synchronized void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed) {
        removed.forEach(of(tenant)::remove);
        for (LicenseAssignment a : added) {
            if (of(tenant).putIfAbsent(a.key(), a) != null) {
                throw new IllegalStateException("assignment already exists: " + a.key());
            }
        }
        for (LicenseAssignment a : changed) {
            if (of(tenant).replace(a.key(), a) == null) {
                throw new IllegalStateException("no assignment to change: " + a.key());
            }
        }
    }

    @Override
    public synchronized List<UserId> waiting(TenantId tenant, SkuId sku, int limit) {
        Map<UserId, WaitingOrder> entries = new HashMap<>();
        for (LicenseAssignment a : of(tenant).values()) {
            if (!a.sku().equals(sku) || !a.isWaiting()) {
                continue;
            }
            Optional<User> user = users.find(tenant, a.user());
            if (user.isEmpty() || user.get().isDeleted()) {
                continue;
            }
            int priority = a.source().isDirect()
                    ? 0
                    : groupLicenses.priority(tenant, a.source().groupOrNull());
            WaitingOrder entry = new WaitingOrder(a.user(), a.requestedAt(), priority);
            entries.merge(a.user(), entry, (x, y) -> WaitingOrder.ORDER.compare(x, y) <= 0 ? x : y);
        }
        return entries.values().stream()
                .sorted(WaitingOrder.ORDER)
                .limit(limit)
                .map(WaitingOrder::user)
                .toList();
    }

    @Override
    public int countWaiting(TenantId tenant, SkuId sku) {
        return waiting(tenant, sku, Integer.MAX_VALUE).size();
    }

    @Override
    public synchronized int countHolding(TenantId tenant, SkuId sku) {
        return (int) of(tenant).values().stream()
                .filter(a -> a.sku().equals(sku) && a.holdsSeat())
                .filter(a -> users.find(tenant, a.user()).isPresent())
                .map(LicenseAssignment::user)
                .distinct()
                .count();
    }

    @Override
    public synchronized Map<AllotmentId, AllotmentCount> countByPool(TenantId tenant, SkuId sku) {
        Map<AllotmentId, java.util.Set<UserId>> holding = new HashMap<>();
        Map<AllotmentId, java.util.Set<UserId>> waiting = new HashMap<>();
        for (LicenseAssignment a : of(tenant).values()) {
            if (!a.sku().equals(sku) || a.pool() == null) {
                continue;
            }
            Optional<User> user = users.find(tenant, a.user());
            if (user.isEmpty()) {
                continue;
            }
            if (a.holdsSeat()) {
                holding.computeIfAbsent(a.pool(), p -> new java.util.HashSet<>())
                        .add(a.user());
            } else if (a.isWaiting() && !user.get().isDeleted()) {
                waiting.computeIfAbsent(a.pool(), p -> new java.util.HashSet<>())
                        .add(a.user());
            }
        }
        Map<AllotmentId, AllotmentCount> counts = new HashMap<>();
        holding.forEach((pool, ids) -> counts.put(pool, new AllotmentCount(ids.size(), 0)));
        waiting.forEach((pool, ids) -> counts.merge(
                pool, new AllotmentCount(0, ids.size()), (x, y) -> new AllotmentCount(x.consumed(), y.waiting())));
        return counts;
    }

    @Override
    public synchronized List<UserId> usersWithSource(TenantId tenant, GroupId group, UserId after, int limit) {
        TreeSet<UserId> ids = new TreeSet<>();
        of(tenant).values().stream()
                .filter(a -> group.equals(a.source().groupOrNull()))
                .forEach(a -> ids.add(a.user()));
        return (after == null ? ids : ids.tailSet(after, false))
                .stream().limit(limit).toList();
    }

    @Override
    public long countWithSource(TenantId tenant, GroupId group) {
        return usersWithSource(tenant, group, null, Integer.MAX_VALUE).size();
    }

    synchronized void removeUser(TenantId tenant, UserId user) {
        of(tenant).keySet().removeIf(k -> k.user().equals(user));
    }

    /** Every assignment of the tenant. */
    public synchronized List<LicenseAssignment> all(TenantId tenant) {
        return new ArrayList<>(of(tenant).values());
    }

    /** Every tenant's assignments pending removal. */
    public synchronized Map<TenantId, List<LicenseAssignment>> pendingRemovals() {
        Map<TenantId, List<LicenseAssignment>> pending = new java.util.HashMap<>();
        rows.forEach((tenant, byKey) -> byKey.values().stream()
                .filter(LicenseAssignment::isPendingRemoval)
                .forEach(a ->
                        pending.computeIfAbsent(tenant, t -> new ArrayList<>()).add(a)));
        return pending;
    }
}
