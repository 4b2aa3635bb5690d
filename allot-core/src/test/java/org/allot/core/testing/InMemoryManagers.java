package org.allot.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.Managers;
import org.allot.core.directory.UserId;

/** Users' managers in memory. */
public final class InMemoryManagers implements Managers {
    private final Map<TenantId, Map<UserId, UserId>> links = new HashMap<>();

    @Override
    public synchronized Optional<UserId> of(TenantId tenant, UserId user) {
        return Optional.ofNullable(links.getOrDefault(tenant, Map.of()).get(user));
    }

    @Override
    public synchronized void set(TenantId tenant, UserId user, UserId manager) {
        Map<UserId, UserId> ofTenant = links.computeIfAbsent(tenant, t -> new HashMap<>());
        if (manager == null) {
            ofTenant.remove(user);
        } else {
            ofTenant.put(user, manager);
        }
    }
}
