package org.allot.core.directory;

import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Port: the tenant's licensing lock, held until the unit of work ends. It orders the changes that decide who inherits
 * what: a change to who belongs to which group (or to one user's licenses) shares it; a change to what a group
 * assigns, to how groups nest, to a dynamic group's rule or to the tenant's licensing policies takes it alone. So a group whose licenses change
 * never reads its members while a member is joining with the old licenses, and the other way round.
 *
 * <p>Every license-affecting unit of work takes its locks in one order: this lock (before any other), then users in
 * id order, then seat figures in SKU order, then jobs. A unit of work that holds the lock shared never asks for it
 * alone afterwards.
 */
public interface TenantLocks {
    /** Holds the lock with other sharers: for membership changes and changes to single users. */
    void share(TenantId tenant);

    /** Holds the lock alone: for changes to what groups assign, to nesting, to membership rules and to policies. */
    void exclusive(TenantId tenant);

    /**
     * {@link #exclusive} (or {@link #share}) and then the group as {@code groups} finds it, read once the lock is held:
     * by default one call after the other; an adapter may send both at once, as long as the read runs after the lock.
     */
    default Optional<Group> lockAndFind(TenantId tenant, boolean exclusive, Groups groups, GroupId group) {
        if (exclusive) {
            exclusive(tenant);
        } else {
            share(tenant);
        }
        return groups.find(tenant, group);
    }

    /**
     * The lock for a change of {@code group}'s members by the directory object {@code member} names: shared when it
     * names a user who is not deleted, taken alone otherwise (a group joining or leaving changes nesting); then the
     * user, when it is one, and the group, both as read once the lock is held. By default one call after the other,
     * the user read before the lock as well; an adapter may send them at once, as long as the reads run after the
     * lock. {@link LockedForMember#user} is empty when the lock was shared but the user was deleted meanwhile.
     */
    default LockedForMember lockForMember(TenantId tenant, UUID member, Users users, Groups groups, GroupId group) {
        Optional<User> user = users.find(tenant, new UserId(member)).filter(u -> !u.isDeleted());
        boolean exclusive = user.isEmpty();
        return new LockedForMember(exclusive, user, lockAndFind(tenant, exclusive, groups, group));
    }

    /** {@link #lockForMember}'s answer: how the lock was taken, the member when a user, and the group. */
    record LockedForMember(boolean exclusive, Optional<User> user, Optional<Group> group) {}

    /** For installations that run one unit of work at a time. */
    TenantLocks NONE = new TenantLocks() {
        @Override
        public void share(TenantId tenant) {}

        @Override
        public void exclusive(TenantId tenant) {}
    };
}
