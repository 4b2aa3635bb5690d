package org.allot.core.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;
import org.allot.core.sync.SyncLocks;

public final class InMemorySyncLocks implements SyncLocks {
    private final Set<TenantId> held = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Lock> tryLock(TenantId tenant) {
        return held.add(tenant) ? Optional.of(() -> held.remove(tenant)) : Optional.empty();
    }
}
