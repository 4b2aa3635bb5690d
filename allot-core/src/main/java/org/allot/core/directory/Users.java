package org.allot.core.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;

/** Port: the users of a tenant, deleted ones included until they are purged. */
public interface Users {
    Optional<User> find(TenantId tenant, UserId id);

    /** Finds a user, deleted or not, by user principal name in any case. */
    Optional<User> findByPrincipalName(TenantId tenant, String userPrincipalName);

    /** The user, deleted or not, cloud or synced, whose {@code onPremisesImmutableId} this is (exactly). */
    Optional<User> findByImmutableId(TenantId tenant, String immutableId);

    void add(TenantId tenant, User user);

    /**
     * Adds the user unless another (deleted or not) has its principal name in any case: one write that needs no
     * read before it. Returns whether it was added.
     */
    default boolean addUnlessNameTaken(TenantId tenant, User user) {
        if (findByPrincipalName(tenant, user.userPrincipalName()).isPresent()) {
            return false;
        }
        add(tenant, user);
        return true;
    }

    /**
     * {@link #addUnlessNameTaken(TenantId, User)}, and when the user was added, {@code created} appended to
     * {@code audit}: both in one write where the store keeps both. Returns whether the user was added; when not,
     * nothing was written.
     */
    default boolean addUnlessNameTaken(TenantId tenant, User user, AuditLog audit, AuditEvent created) {
        if (!addUnlessNameTaken(tenant, user)) {
            return false;
        }
        audit.append(created);
        return true;
    }

    /**
     * {@link #addUnlessNameTaken(TenantId, User, AuditLog, AuditEvent)} for several users at once, each with its record
     * ({@code created}, in the same order): one write where the store keeps both. A user that one alone would not
     * add (its principal name taken, by another user or by one before it in {@code users}) is not added, nor its
     * record. Returns the ids of the users added.
     */
    default Set<UserId> addAllUnlessNameTaken(
            TenantId tenant, List<User> users, AuditLog audit, List<AuditEvent> created) {
        Set<UserId> added = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            if (addUnlessNameTaken(tenant, users.get(i), audit, created.get(i))) {
                added.add(users.get(i).id());
            }
        }
        return added;
    }

    /**
     * Writes the user as it now is.
     *
     * @throws org.allot.core.ConcurrentChange when another unit of work gave its principal name or immutable id to
     *     another user since this one checked it free: run again, it finds the value taken
     */
    void update(TenantId tenant, User user);

    /** Removes a user for good, with its memberships and license assignments. */
    void purge(TenantId tenant, UserId id);

    /**
     * The users with these ids, deleted ones included, locked against every other change to them until the unit of
     * work ends, in id order (as licensing locks users, see {@link TenantLocks}); unknown ids are left out. What is
     * returned is read once the locks are held.
     */
    Map<UserId, User> lock(TenantId tenant, Collection<UserId> ids);

    /** One user, locked as {@link #lock(TenantId, Collection)} locks them. */
    default Optional<User> lock(TenantId tenant, UserId id) {
        return Optional.ofNullable(lock(tenant, List.of(id)).get(id));
    }

    /**
     * The user with this principal name (any case), deleted or not, locked as {@link #lock(TenantId, Collection)}
     * locks users and read once the lock is held: a name changed meanwhile by the lock's previous holder names nobody.
     * The store may find and lock in one statement; this default finds the id, then locks by it.
     */
    default Optional<User> lockNamed(TenantId tenant, String userPrincipalName) {
        return findByPrincipalName(tenant, userPrincipalName)
                .flatMap(found -> lock(tenant, found.id()))
                .filter(locked -> locked.userPrincipalName().equalsIgnoreCase(userPrincipalName));
    }

    /** The users with these ids, deleted ones included; unknown ids are left out. */
    default Map<UserId, User> findAll(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        ids.forEach(id -> find(tenant, id).ifPresent(u -> found.put(id, u)));
        return found;
    }

    /** A user as an audit record names it: its id and principal name, and whether it is deleted. */
    record Named(UserId id, String userPrincipalName, boolean deleted) {}

    /**
     * {@link #findAll} with only what an audit record names each user by (a sync's thousands of new members read
     * without their other values).
     */
    default Map<UserId, Named> names(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, Named> found = new LinkedHashMap<>();
        findAll(tenant, ids).forEach((id, u) -> found.put(id, new Named(id, u.userPrincipalName(), u.isDeleted())));
        return found;
    }

    /** The users, deleted or not, holding these principal names in any case, keyed by the name in lower case. */
    default Map<String, User> findByPrincipalNames(TenantId tenant, Collection<String> userPrincipalNames) {
        Map<String, User> found = new LinkedHashMap<>();
        userPrincipalNames.forEach(name -> findByPrincipalName(tenant, name)
                .ifPresent(u -> found.put(u.userPrincipalName().toLowerCase(Locale.ROOT), u)));
        return found;
    }

    /** Adds users in one batch. */
    default void addAll(TenantId tenant, Collection<User> users) {
        users.forEach(u -> add(tenant, u));
    }

    /** Replaces users in one batch. */
    default void updateAll(TenantId tenant, Collection<User> users) {
        users.forEach(u -> update(tenant, u));
    }

    /**
     * How many users, deleted ones included, have a principal name or mail address on the domain (in any case): the
     * references that keep a domain from being removed.
     */
    long countOnDomain(TenantId tenant, String domain);

    /**
     * The users, deleted ones included, with a principal name or mail address on the domain (in any case), in id
     * order, at most {@code limit}: those a forced deletion of the domain renames.
     */
    List<UserId> onDomain(TenantId tenant, String domain, int limit);

    /** Users deleted before the given time, oldest first, at most {@code limit}. */
    List<UserId> deletedBefore(TenantId tenant, Instant time, int limit);
}
