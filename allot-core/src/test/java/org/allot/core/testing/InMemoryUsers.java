package org.allot.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;

public final class InMemoryUsers implements Users {
    private final Map<TenantId, Map<UserId, User>> users = new ConcurrentHashMap<>();
    private final LocksAsked<UserId> locked = new LocksAsked<>();
    private InMemoryMemberships memberships;
    private InMemoryAssignments assignments;

    void purgeAlso(InMemoryMemberships memberships, InMemoryAssignments assignments) {
        this.memberships = memberships;
        this.assignments = assignments;
    }

    Map<UserId, User> of(TenantId tenant) {
        return users.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return Optional.ofNullable(of(tenant).get(id));
    }

    /**
     * The users of the tenant whose rows were asked to be locked since the last call, in the order asked (for tests of
     * the lock order: users in id order).
     */
    public List<UserId> locked(TenantId tenant) {
        return locked.drain(tenant);
    }

    /** One command runs at a time here: locking is reading, but what is asked for is noted ({@link #locked}). */
    @Override
    public Map<UserId, User> lock(TenantId tenant, Collection<UserId> ids) {
        locked.note(tenant, ids.stream().sorted().toList());
        Map<UserId, User> found = new TreeMap<>();
        ids.forEach(id -> find(tenant, id).ifPresent(u -> found.put(id, u)));
        return found;
    }

    @Override
    public Optional<User> findByPrincipalName(TenantId tenant, String userPrincipalName) {
        return of(tenant).values().stream()
                .filter(u -> u.userPrincipalName().equalsIgnoreCase(userPrincipalName))
                .findFirst();
    }

    @Override
    public Optional<User> findByImmutableId(TenantId tenant, String immutableId) {
        return of(tenant).values().stream()
                .filter(u -> immutableId.equals(u.onPremisesImmutableId()))
                .findFirst();
    }

    @Override
    public void add(TenantId tenant, User user) {
        if (of(tenant).putIfAbsent(user.id(), user) != null) {
            throw new IllegalStateException("duplicate user " + user.id());
        }
    }

    @Override
    public void update(TenantId tenant, User user) {
        if (of(tenant).replace(user.id(), user) == null) {
            throw new IllegalStateException("no user " + user.id());
        }
    }

    @Override
    public void purge(TenantId tenant, UserId id) {
        of(tenant).remove(id);
        if (memberships != null) {
            memberships.removeUser(tenant, id);
        }
        if (assignments != null) {
            assignments.removeUser(tenant, id);
        }
    }

    @Override
    public long countOnDomain(TenantId tenant, String domain) {
        return onDomain(tenant, domain, Integer.MAX_VALUE).size();
    }

    @Override
    public List<UserId> onDomain(TenantId tenant, String domain, int limit) {
        String suffix = "@" + domain.toLowerCase(java.util.Locale.ROOT);
        return of(tenant).values().stream()
                .filter(u -> u.userPrincipalName()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(suffix)
                        || (u.mail() != null
                                && u.mail().toLowerCase(java.util.Locale.ROOT).endsWith(suffix)))
                .map(User::id)
                .sorted(Comparator.comparing(UserId::value))
                .limit(limit)
                .toList();
    }

    @Override
    public List<UserId> deletedBefore(TenantId tenant, Instant time, int limit) {
        return of(tenant).values().stream()
                .filter(u -> u.isDeleted() && u.deletedDateTime().isBefore(time))
                .sorted(Comparator.comparing(User::deletedDateTime))
                .limit(limit)
                .map(User::id)
                .toList();
    }
}
