package org.allot.core.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/** Port: the license assignments of users. */
public interface Assignments {
    /**
     * Locks these users against other licensing changes until the unit of work ends (in id order, so concurrent
     * units of work lock alike) and returns what licensing needs to know of them. Unknown ids are left out.
     */
    Map<UserId, LicenseSubject> lock(TenantId tenant, Collection<UserId> users);

    /** Users locked ({@link #lock}) and their assignments ({@link #of}), read once the locks are held. */
    record Locked(Map<UserId, LicenseSubject> subjects, Map<UserId, List<LicenseAssignment>> assignments) {}

    /**
     * {@link #lock} and then {@link #of} for the users locked: by default one call after the other; an adapter may
     * send both at once, as long as the assignments are read once the locks are held.
     */
    default Locked lockWithAssignments(TenantId tenant, Collection<UserId> users) {
        Map<UserId, LicenseSubject> subjects = lock(tenant, users);
        return new Locked(subjects, subjects.isEmpty() ? Map.of() : of(tenant, subjects.keySet()));
    }

    /**
     * Users locked with their assignments ({@link #lockWithAssignments}), their licensed groups with those groups'
     * licenses ({@link GroupLicenses#ofUsers}), read once the locks are held, and the tenant's seat figures
     * ({@link Seats#all}, read without a lock): what a unit of work about a few users reads before it decides.
     */
    record LockedWithLicensing(Locked locked, GroupLicenses.OfUsers groups, Map<SkuId, SeatCount> seats) {}

    /**
     * {@link #lockWithAssignments}, then these users' groups and their licenses and the seat figures: by default one
     * call after the other (nothing more once no user is found); an adapter may send them all at once, as long as
     * every read runs once the locks are held.
     */
    default LockedWithLicensing lockWithLicensing(
            TenantId tenant,
            Collection<UserId> users,
            GroupLicenses groupLicenses,
            Memberships memberships,
            Seats seats) {
        Locked locked = lockWithAssignments(tenant, users);
        if (locked.subjects().isEmpty()) {
            return new LockedWithLicensing(locked, new GroupLicenses.OfUsers(Map.of(), Map.of()), Map.of());
        }
        return new LockedWithLicensing(
                locked, groupLicenses.ofUsers(tenant, locked.subjects().keySet(), memberships), seats.all(tenant));
    }

    /** A user and their assignments. */
    record Held(User user, List<LicenseAssignment> assignments) {}

    /**
     * A user named by id or principal name ({@link UserRef#find}, so not a deleted one) and their assignments, read
     * without locking: by default one read after the other; an adapter may read both at once.
     */
    default Optional<Held> userWithAssignments(TenantId tenant, UserRef user, Users users) {
        return user.find(tenant, users)
                .map(u -> new Held(u, of(tenant, List.of(u.id())).getOrDefault(u.id(), List.of())));
    }

    /**
     * Like {@link #lock}, but skips users another unit of work holds instead of waiting for them: for work that
     * already holds seat figures and must not wait for users while it does.
     */
    Map<UserId, LicenseSubject> tryLock(TenantId tenant, Collection<UserId> users);

    /** What licensing needs to know of these users, read without locking (for previews). */
    Map<UserId, LicenseSubject> subjects(TenantId tenant, Collection<UserId> users);

    /**
     * What licensing needs to know of the users whose id is greater than {@code after} (null: from the start), in id
     * order, at most {@code limit}, deleted ones included; read without locking. Walks a whole tenant a chunk at a
     * time.
     */
    Map<UserId, LicenseSubject> subjectsAfter(TenantId tenant, UserId after, int limit);

    /**
     * What licensing needs to know of the users in the range, in id order, deleted ones included, read without
     * locking; empty when the range holds more than {@code limit} of them. Reads a stretch of a tenant at once, for
     * however many users it turns out to hold.
     */
    Optional<Map<UserId, LicenseSubject>> subjectsIn(TenantId tenant, UserRange range, int limit);

    /** How many users the range holds, deleted ones included. */
    int countSubjects(TenantId tenant, UserRange range);

    /**
     * The assignments of the users whose id is greater than {@code after} (null: from the start) and at most
     * {@code last} (null: to the end), as stored — of users who no longer exist too, if any are left. Reads a chunk
     * of {@link #subjectsAfter} in one range.
     */
    Map<UserId, List<LicenseAssignment>> between(TenantId tenant, UserId after, UserId last);

    /** The assignments of these users; users without any are left out. */
    Map<UserId, List<LicenseAssignment>> of(TenantId tenant, Collection<UserId> users);

    /**
     * Writes a batch: inserts {@code added} (which do not exist yet: their users are locked), replaces
     * {@code changed}, deletes {@code removed}.
     */
    void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed);

    /**
     * {@link #write(TenantId, Collection, Collection, Collection)}, and {@code events} appended to {@code audit}: in
     * one write where the store keeps both and the batch is small (one assignment added and its record: a request).
     */
    default void write(
            TenantId tenant,
            Collection<LicenseAssignment> added,
            Collection<LicenseAssignment> changed,
            Collection<LicenseAssignment.Key> removed,
            AuditLog audit,
            Collection<AuditEvent> events) {
        write(tenant, added, changed, removed);
        audit.appendAll(events);
    }

    /**
     * The users waiting for a seat of the SKU, in the order of {@link WaitingOrder}: the higher priority of the
     * group a request comes from first, then the earliest request, then user id. A user waiting through several
     * groups counts once, with their best place. Deleted users are not in the queue.
     */
    List<UserId> waiting(TenantId tenant, SkuId sku, int limit);

    /**
     * The users waiting for a seat of the SKU drawn from the pool (empty: the remainder), in the order of {@link
     * WaitingOrder}, as {@link #waiting} but of that pool's list alone. By default the SKU's list, read whole and
     * filtered by the pool the waiting assignments record; an adapter may ask its store for the pool's list.
     */
    default List<UserId> waitingInPool(TenantId tenant, SkuId sku, Optional<AllotmentId> pool, int limit) {
        List<UserId> all = waiting(tenant, sku, Integer.MAX_VALUE);
        Map<UserId, List<LicenseAssignment>> held = all.isEmpty() ? Map.of() : of(tenant, all);
        return all.stream()
                .filter(user -> held.getOrDefault(user, List.of()).stream()
                        .anyMatch(a -> a.sku().equals(sku)
                                && a.isWaiting()
                                && java.util.Objects.equals(a.pool(), pool.orElse(null))))
                .limit(limit)
                .toList();
    }

    /** How many users wait for a seat of the SKU. */
    int countWaiting(TenantId tenant, SkuId sku);

    /**
     * How many users hold a seat of the SKU: existing users (deleted ones included) with an active assignment of it.
     */
    int countHolding(TenantId tenant, SkuId sku);

    /**
     * The figures of the SKU's pools as its assignments record them: per pool an assignment draws from, how many users
     * hold a seat drawn from it (existing users, deleted ones included, as {@link #countHolding}) and how many living
     * users wait for one of its seats (as {@link #countWaiting}). A pool no assignment names is absent, and so is the
     * remainder (assignments that name no pool).
     */
    Map<AllotmentId, AllotmentCount> countByPool(TenantId tenant, SkuId sku);

    /** Users with an assignment from the group whose id is greater than {@code after} (null: from the start), in id order. */
    List<UserId> usersWithSource(TenantId tenant, GroupId group, UserId after, int limit);

    /** How many users have an assignment from the group. */
    long countWithSource(TenantId tenant, GroupId group);
}
