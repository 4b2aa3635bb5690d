package org.allot.core.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;

/**
 * Port: each user's manager (Graph's {@code /users/{id}/manager}), another user of the tenant. Purging either user
 * removes the link.
 */
public interface Managers {
    /** The id of the user's manager, if it has one (the manager may be deleted). */
    Optional<UserId> of(TenantId tenant, UserId user);

    /** The managers of these users, by user; users without a manager are left out. */
    default Map<UserId, UserId> ofAll(TenantId tenant, Collection<UserId> users) {
        Map<UserId, UserId> found = new LinkedHashMap<>();
        users.forEach(u -> of(tenant, u).ifPresent(m -> found.put(u, m)));
        return found;
    }

    /** Sets the user's manager; {@code manager} null removes it. */
    void set(TenantId tenant, UserId user, UserId manager);
}
