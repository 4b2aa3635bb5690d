package org.allot.core.directory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
 * Creates, changes, deletes and restores users. Values come as text or Boolean, as a client sends them, and are
 * checked here so every interface refuses the same things with the same words.
 */
public final class UserDirectory {
    static final String RESOURCE = "User";

    private final Transactions transactions;
    private final Tenants tenants;
    private final TenantLocks locks;
    private final Users users;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;
    private final SyncedUsers syncedUsers;
    private final CloudUsers cloudUsers;
    private final DeletedPrincipalNames deletedNames;
    private final ScopeGuard guard;

    public UserDirectory(
            Transactions transactions,
            Tenants tenants,
            TenantLocks locks,
            Users users,
            AuditLog audit,
            DirectoryListener listener,
            Clock clock,
            ScopeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.syncedUsers = new SyncedUsers(tenants, locks, users, audit, listener, clock);
        this.cloudUsers = new CloudUsers(transactions, tenants, locks, users, audit, listener, clock, guard);
        this.deletedNames = new DeletedPrincipalNames(users, audit);
    }

    /**
     * Creates a cloud user; {@code userPrincipalName} and {@code displayName} are required. Concurrent creations in
     * one tenant are written together ({@link CloudUsers}), each answered as if alone.
     */
    public Outcome<User> create(Caller caller, Map<UserAttribute, Object> values) {
        return cloudUsers.create(caller, values);
    }

    /**
     * Creations written together, as concurrent ones are ({@link CloudUsers#createTogether}): answered in order, null
     * for one that is then decided alone. For the tests of that batch.
     */
    List<Outcome<User>> createTogether(List<CloudUsers.Creation> batch) {
        return cloudUsers.createTogether(batch);
    }

    /** One request of {@link #rehearse}: a user to create (no {@code user}), or the changes to an existing one. */
    public record UserChange(Optional<UserRef> user, Map<UserAttribute, Object> values) {
        public UserChange {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(values, "values");
        }
    }

    /**
     * What {@link #create} or {@link #update(Caller, UserRef, Map)} would answer to each change, sent one after the
     * other: each is decided by the same rules on what the changes before it did, and nothing is kept. A
     * validate-only request: the dry run of a bulk import.
     */
    public List<Outcome<User>> rehearse(Caller caller, List<UserChange> changes) {
        return transactions.rehearse(changes.stream()
                .<Supplier<Outcome<User>>>map(c -> () -> c.user()
                        .map(user -> update(caller, user, c.values()))
                        .orElseGet(() -> create(caller, c.values())))
                .toList());
    }

    /**
     * Creates a user synchronised from an on-premises directory: it arrives with its immutable id and account
     * name, and its attributes stay owned by the directory. Used by directory sync.
     */
    public Outcome<User> provisionSynced(
            Caller caller, Map<UserAttribute, Object> values, String immutableId, String samAccountName) {
        return provisionSynced(caller, List.of(new SyncedUser(immutableId, samAccountName, values)))
                .get(0);
    }

    /**
     * Sync-only: creates users synchronised from an on-premises directory, in one batch. Each is checked as
     * {@link #create} checks a cloud user and arrives with its immutable id and account name, no usage location and
     * no license; a refused user does not hold back the others. The outcomes are in the order of {@code synced}.
     */
    public List<Outcome<User>> provisionSynced(Caller caller, List<SyncedUser> synced) {
        return syncedUsers.provision(caller, synced);
    }

    /**
     * Sync-only, writing nothing: why {@link #provisionSynced} would refuse each user for its values alone (a value
     * longer than Graph allows, a malformed principal name, a domain the tenant lacks), in the order of
     * {@code synced}; empty for one it would take. Dry runs report them as the errors a run would meet.
     */
    public List<Optional<Rejection>> refusalsOfSynced(TenantId tenant, List<SyncedUser> synced) {
        return syncedUsers.refusals(tenant, synced);
    }

    /** Sync-only: locks these users at once, in id order, after the tenant's shared lock (a page's several steps). */
    public void lockSynced(Caller caller, Collection<UserId> ids) {
        locks.share(caller.tenant());
        users.lock(caller.tenant(), ids);
    }

    /**
     * Sync-only: replaces the directory-owned attributes of synced users, in one batch. Deleted users stay deleted
     * (restore them first); {@code usageLocation} is set only when a connector maps it, and never cleared (refused
     * here). The outcomes are in the order of {@code changes}.
     */
    public Map<UserId, Outcome<User>> updateSynced(Caller caller, Map<UserId, SyncedUser> changes) {
        return syncedUsers.update(caller, changes, false);
    }

    /**
     * Sync-only: cloud users taken over by the directory's objects, in one batch: a hard match (the cloud user's
     * {@code onPremisesImmutableId} is the object's) or a soft match (by principal name or mail, which sync decided).
     * Each becomes a synced user with the object's values and keeps its id, licenses and memberships; a user already
     * synced, deleted, or holding another immutable id is refused. The outcomes are in the order of {@code matches}.
     */
    public Map<UserId, Outcome<User>> matchSynced(Caller caller, Map<UserId, SyncedUser> matches) {
        return syncedUsers.update(caller, matches, true);
    }

    /** {@link #update(Caller, UserId, Map)} for a user named by id or principal name. */
    public Outcome<User> update(Caller caller, UserRef user, Map<UserAttribute, Object> values) {
        return transactions.run(() -> user.find(caller.tenant(), users)
                .map(u -> updateNow(caller, u.id(), values))
                .orElseGet(() -> Outcome.refused(notFound(caller, user))));
    }

    /** {@link #delete(Caller, UserId)} for a user named by id or principal name. */
    public Outcome<User> delete(Caller caller, UserRef user) {
        return transactions.run(() -> user.find(caller.tenant(), users)
                .map(u -> deleteNow(caller, u.id()))
                .orElseGet(() -> Outcome.refused(notFound(caller, user))));
    }

    /**
     * Changes the given attributes; a null value clears one. Synced users only take cloud-managed attributes. Checked
     * against the user as it stands once locked, so a concurrent license change is either seen or waits.
     */
    public Outcome<User> update(Caller caller, UserId id, Map<UserAttribute, Object> values) {
        return transactions.run(() -> updateNow(caller, id, values));
    }

    /** Nobody by that name: not found, but a caller scoped to units is not told who exists outside them. */
    private static Rejection notFound(Caller caller, UserRef user) {
        return caller.scope().tenantWide() ? Rejection.notFound(user) : ScopeGuard.refusal();
    }

    private Outcome<User> updateNow(Caller caller, UserId id, Map<UserAttribute, Object> values) {
        Optional<Rejection> outside = guard.toChange(caller, id.value());
        if (outside.isPresent()) {
            return Outcome.refused(outside.get());
        }
        locks.share(caller.tenant());
        Optional<User> found = users.lock(caller.tenant(), id).filter(u -> !u.isDeleted());
        if (found.isEmpty()) {
            return Outcome.refused(Rejection.notFound(id));
        }
        User before = found.get();
        if (before.onPremisesSyncEnabled() && values.keySet().stream().anyMatch(a -> !a.cloudManaged())) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.READ_ONLY_ATTRIBUTE,
                    "Unable to update the specified properties for on-premises mastered Directory Sync objects or"
                            + " objects currently undergoing migration. Only usageLocation can be changed on a"
                            + " synced user."));
        }
        Outcome<Map<UserAttribute, Object>> converted = UserValues.convertAll(values);
        if (!converted.isDone()) {
            return Outcome.refused(converted.rejection());
        }
        User.Builder builder = before.toBuilder();
        converted.value().forEach(builder::set);
        User after = builder.build();
        Optional<User> deletedHolder = Optional.empty();
        if (!after.userPrincipalName().equalsIgnoreCase(before.userPrincipalName())) {
            Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
            Optional<Rejection> domain = UserValues.checkDomain(tenant, after.userPrincipalName());
            if (domain.isPresent()) {
                return Outcome.refused(domain.get());
            }
            deletedHolder = users.findByPrincipalName(caller.tenant(), after.userPrincipalName());
            if (deletedHolder.isPresent() && !deletedHolder.get().isDeleted()) {
                return Outcome.refused(UserValues.principalNameTaken());
            }
        }
        Optional<Rejection> anchor = UserValues.checkImmutableId(users, caller.tenant(), before, after);
        if (anchor.isPresent()) {
            return Outcome.refused(anchor.get());
        }
        Optional<Rejection> veto = listener.checkUserUpdate(caller, before, after);
        if (veto.isPresent()) {
            return Outcome.refused(veto.get());
        }
        List<PropertyChange> changes = UserValues.changes(before, after, values.keySet());
        if (changes.isEmpty()) {
            return Outcome.done(before);
        }
        deletedHolder.ifPresent(holder -> deletedNames.free(
                caller,
                Map.of(holder.userPrincipalName().toLowerCase(java.util.Locale.ROOT), holder),
                clock.instant()));
        users.update(caller.tenant(), after);
        audit.append(AuditEvent.of(caller, clock.instant(), Activity.UPDATE_USER, UserValues.target(after), changes));
        listener.userUpdated(caller, before, after);
        return Outcome.done(after);
    }

    /** Soft-deletes a user: licenses, memberships and seats are kept until restore or purge. */
    public Outcome<User> delete(Caller caller, UserId id) {
        return transactions.run(() -> deleteNow(caller, id));
    }

    private Outcome<User> deleteNow(Caller caller, UserId id) {
        return locked(caller, id, guard.toChange(caller, id.value()), false).map(found -> {
            User deleted = found.toBuilder().deletedDateTime(clock.instant()).build();
            users.update(caller.tenant(), deleted);
            audit.append(AuditEvent.of(
                    caller, clock.instant(), Activity.DELETE_USER, UserValues.target(deleted), List.of()));
            listener.userDeleted(caller, deleted);
            return deleted;
        });
    }

    /**
     * The user a deletion, restore or purge starts from, locked under the tenant's shared licensing lock: refused when
     * the caller may not change it ({@code outside}, checked first), and not found unless it is deleted or not as the
     * change needs ({@code deleted}).
     */
    private Outcome<User> locked(Caller caller, UserId id, Optional<Rejection> outside, boolean deleted) {
        if (outside.isPresent()) {
            return Outcome.refused(outside.get());
        }
        locks.share(caller.tenant());
        Optional<User> found = users.lock(caller.tenant(), id).filter(u -> u.isDeleted() == deleted);
        return found.isPresent() ? Outcome.done(found.get()) : Outcome.refused(Rejection.notFound(id));
    }

    /**
     * Brings a deleted user back with its licenses and memberships. Restores, deletions and purges of one user are
     * decided one after the other on the user as it stands: a purged user is not restored, a restored one not twice.
     */
    public Outcome<User> restore(Caller caller, UserId id) {
        return transactions.run(() -> restoreNow(caller, id));
    }

    private Outcome<User> restoreNow(Caller caller, UserId id) {
        return locked(caller, id, guard.toChangeTenant(caller), true).flatMap(found -> restoreLocked(caller, found));
    }

    private Outcome<User> restoreLocked(Caller caller, User found) {
        User.Builder builder = found.toBuilder().deletedDateTime(null);
        Optional<String> original = DeletedPrincipalNames.original(found);
        if (original.isPresent()) {
            if (users.findByPrincipalName(caller.tenant(), original.get()).isPresent()) {
                return Outcome.refused(UserValues.principalNameTaken());
            }
            builder.userPrincipalName(original.get());
        }
        User restored = builder.build();
        users.update(caller.tenant(), restored);
        audit.append(
                AuditEvent.of(caller, clock.instant(), Activity.RESTORE_USER, UserValues.target(restored), List.of()));
        listener.userRestored(caller, restored);
        return Outcome.done(restored);
    }

    /** Removes a deleted user for good: its seats are freed for the waiting list. */
    public Outcome<User> purge(Caller caller, UserId id) {
        return transactions.run(() -> purgeNow(caller, id));
    }

    private Outcome<User> purgeNow(Caller caller, UserId id) {
        return locked(caller, id, guard.toChangeTenant(caller), true).map(found -> {
            listener.userPurging(caller, found);
            users.purge(caller.tenant(), id);
            audit.append(AuditEvent.of(
                    caller, clock.instant(), Activity.HARD_DELETE_USER, UserValues.target(found), List.of()));
            return found;
        });
    }
}
