package org.allot.core.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * Port: the dynamic groups of a tenant, and the set-wise reads and writes applying their rules needs: users a chunk
 * at a time in id order, and members added and removed a batch at a time.
 */
public interface DynamicGroups {
    /** The groups whose groupTypes include DynamicMembership, paused ones too. */
    List<Group> all(TenantId tenant);

    /**
     * The users not deleted whose id is greater than {@code after} (null: from the first), in id order, at most
     * {@code limit}; read without locking them.
     */
    List<User> users(TenantId tenant, UserId after, int limit);

    /**
     * These users, those not deleted, in id order, locked against other changes until the unit of work ends (in id
     * order, as licensing locks them).
     */
    List<User> lock(TenantId tenant, Collection<UserId> users);

    /** How many users (not deleted) the tenant has. */
    long countUsers(TenantId tenant);

    /** For each of these groups, which of these users are its direct members. */
    Map<GroupId, Set<UserId>> members(TenantId tenant, Collection<GroupId> groups, Collection<UserId> users);

    void addMembers(TenantId tenant, GroupId group, Collection<UserId> users);

    void removeMembers(TenantId tenant, GroupId group, Collection<UserId> users);
}
