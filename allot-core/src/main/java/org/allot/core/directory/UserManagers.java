package org.allot.core.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.PropertyChange;

/**
 * A user's manager (Graph's {@code /users/{id}/manager}): read, set and removed through the API for cloud users, and
 * set by directory sync from the directory's {@code manager} for synced ones (read-only through the API, as their
 * other synced attributes). Every change is audited as "Update user" with the property {@code Manager}.
 */
public final class UserManagers {
    /** The name of the property in audit records. */
    public static final String PROPERTY = "Manager";
    /** The most managers a chain is followed through when looking for a loop. */
    static final int MAX_CHAIN = 10_000;

    /**
     * What setting synced users' managers did: how many changed, and the users left as they were because the manager
     * their directory names would make a loop (they would manage, directly or through others, their own manager).
     */
    public record Synced(int changed, List<UserId> loops) {
        public Synced {
            loops = List.copyOf(loops);
        }
    }

    private final Transactions transactions;
    private final TenantLocks locks;
    private final Users users;
    private final Managers managers;
    private final AuditLog audit;
    private final Clock clock;

    public UserManagers(
            Transactions transactions, TenantLocks locks, Users users, Managers managers, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.managers = Objects.requireNonNull(managers);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Graph's answer when a user has no manager. */
    public static Rejection noManager() {
        return Rejection.notFound("manager");
    }

    /** The user's manager, unless deleted; refused when the user does not exist or has no manager. */
    public Outcome<User> manager(TenantId tenant, UserRef user) {
        return transactions.read(() -> {
            Optional<User> found = user.find(tenant, users).filter(u -> !u.isDeleted());
            if (found.isEmpty()) {
                return Outcome.refused(Rejection.notFound(user));
            }
            return managerOf(tenant, found.get().id())
                    .<Outcome<User>>map(Outcome::done)
                    .orElseGet(() -> Outcome.refused(noManager()));
        });
    }

    /** The managers (not deleted) of these users, by user: what {@code $expand=manager} shows. */
    public Map<UserId, User> managersOf(TenantId tenant, Collection<UserId> ids) {
        return transactions.read(() -> {
            Map<UserId, UserId> links = managers.ofAll(tenant, ids);
            Map<UserId, User> found = users.findAll(tenant, links.values());
            Map<UserId, User> result = new LinkedHashMap<>();
            links.forEach((user, manager) -> Optional.ofNullable(found.get(manager))
                    .filter(m -> !m.isDeleted())
                    .ifPresent(m -> result.put(user, m)));
            return result;
        });
    }

    /** Makes {@code managerId} the user's manager: a user of the tenant, not deleted, not the user itself. */
    public Outcome<User> assign(Caller caller, UserRef user, UUID managerId) {
        return transactions.run(() -> {
            Outcome<User> locked = lockCloudUser(caller, user);
            if (!locked.isDone()) {
                return locked;
            }
            User subject = locked.value();
            Optional<User> manager =
                    users.find(caller.tenant(), new UserId(managerId)).filter(u -> !u.isDeleted());
            if (manager.isEmpty()) {
                return Outcome.refused(Rejection.notFound(managerId));
            }
            if (manager.get().id().equals(subject.id())) {
                return Outcome.refused(Rejection.invalid("A user cannot be their own manager."));
            }
            if (loops(caller.tenant(), subject.id(), manager.get().id(), Map.of())) {
                return Outcome.refused(Rejection.invalid(
                        "%s cannot be the manager of %s: %s already manages %s, directly or through other managers,"
                                + " and managers may not form a loop.",
                        manager.get().userPrincipalName(),
                        subject.userPrincipalName(),
                        subject.userPrincipalName(),
                        manager.get().userPrincipalName()));
            }
            change(caller, subject, manager.get().id());
            return Outcome.done(manager.get());
        });
    }

    /** Removes the user's manager; refused when it has none. */
    public Outcome<User> remove(Caller caller, UserRef user) {
        return transactions.run(() -> {
            Outcome<User> locked = lockCloudUser(caller, user);
            if (!locked.isDone()) {
                return locked;
            }
            if (managers.of(caller.tenant(), locked.value().id()).isEmpty()) {
                return Outcome.refused(noManager());
            }
            change(caller, locked.value(), null);
            return Outcome.done(locked.value());
        });
    }

    /**
     * Sync-only: sets the managers of synced users as their directory has them ({@code empty}: none, or a manager
     * outside the connector's scope), in one unit of work; only changes are written and audited. A manager that
     * would make a loop (the user itself, or a user the user manages, directly or through others, as the directory
     * and this change have them) is not set: the user keeps the manager it had and is reported among the loops.
     */
    public Synced setSynced(Caller caller, Map<UserId, Optional<UserId>> wanted) {
        if (wanted.isEmpty()) {
            return new Synced(0, List.of());
        }
        return transactions.run(() -> {
            Map<UserId, UserId> current = managers.ofAll(caller.tenant(), wanted.keySet());
            List<UserId> changed = new ArrayList<>();
            wanted.forEach((user, manager) -> {
                if (!Objects.equals(current.get(user), manager.orElse(null))) {
                    changed.add(user);
                }
            });
            if (changed.isEmpty()) {
                return new Synced(0, List.of());
            }
            List<UserId> loops = new ArrayList<>();
            for (UserId id : changed) {
                Optional<UserId> manager = wanted.get(id);
                if (manager.isPresent() && loops(caller.tenant(), id, manager.get(), wanted)) {
                    loops.add(id);
                }
            }
            changed.removeAll(loops);
            Map<UserId, User> found = users.findAll(caller.tenant(), changed);
            int count = 0;
            for (UserId id : changed) {
                User user = found.get(id);
                if (user != null) {
                    write(caller, user, current.get(id), wanted.get(id).orElse(null));
                    count++;
                }
            }
            return new Synced(count, loops);
        });
    }

    /**
     * Whether making {@code manager} the manager of {@code user} would make a loop: the chain of managers from
     * {@code manager} up — as {@code pending} will have them, else as stored — reaches {@code user}.
     */
    private boolean loops(TenantId tenant, UserId user, UserId manager, Map<UserId, Optional<UserId>> pending) {
        Set<UserId> seen = new HashSet<>();
        UserId at = manager;
        while (at != null && seen.size() < MAX_CHAIN && seen.add(at)) {
            if (at.equals(user)) {
                return true;
            }
            Optional<UserId> next = pending.containsKey(at) ? pending.get(at) : managers.of(tenant, at);
            at = next.orElse(null);
        }
        return false;
    }

    private Optional<User> managerOf(TenantId tenant, UserId user) {
        return managers.of(tenant, user).flatMap(id -> users.find(tenant, id)).filter(m -> !m.isDeleted());
    }

    private Outcome<User> lockCloudUser(Caller caller, UserRef ref) {
        locks.share(caller.tenant());
        Optional<UserId> id = ref.id().isPresent()
                ? ref.id()
                : ref.find(caller.tenant(), users).map(User::id);
        Optional<User> user = id.flatMap(i -> users.lock(caller.tenant(), i)).filter(u -> !u.isDeleted());
        if (user.isEmpty()) {
            return Outcome.refused(Rejection.notFound(ref));
        }
        if (user.get().onPremisesSyncEnabled()) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.READ_ONLY_ATTRIBUTE,
                    "Unable to update the specified properties for on-premises mastered Directory Sync objects or"
                            + " objects currently undergoing migration. The manager of a synced user comes from its"
                            + " directory."));
        }
        return Outcome.done(user.get());
    }

    private void change(Caller caller, User user, UserId manager) {
        UserId before = managers.of(caller.tenant(), user.id()).orElse(null);
        if (!Objects.equals(before, manager)) {
            write(caller, user, before, manager);
        }
    }

    private void write(Caller caller, User user, UserId before, UserId after) {
        managers.set(caller.tenant(), user.id(), after);
        audit.append(AuditEvent.of(
                caller,
                clock.instant(),
                Activity.UPDATE_USER,
                UserValues.target(user),
                List.of(PropertyChange.of(PROPERTY, before, after))));
    }
}
