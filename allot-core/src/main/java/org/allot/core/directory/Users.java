package org.allot.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the users of a tenant, deleted ones included until they are purged. */
public interface Users {
    Optional<User> find(TenantId tenant, UserId id);

    /** Finds a user, deleted or not, by user principal name in any case. */
    Optional<User> findByPrincipalName(TenantId tenant, String userPrincipalName);

    void add(TenantId tenant, User user);

    void update(TenantId tenant, User user);

    /** Removes a user for good, with its memberships and license assignments. */
    void purge(TenantId tenant, UserId id);

    /** Users deleted before the given time, oldest first, at most {@code limit}. */
    List<UserId> deletedBefore(TenantId tenant, Instant time, int limit);
}
