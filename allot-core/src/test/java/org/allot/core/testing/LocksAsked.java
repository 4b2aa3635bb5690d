package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.TenantId;

/**
 * The rows an in-memory store was asked to lock, per tenant, in the order asked. Tests run one unit of work at a time,
 * so nothing is locked, but what would have been is noted for tests of the lock order.
 */
final class LocksAsked<K> {
    private final Map<TenantId, List<K>> asked = new ConcurrentHashMap<>();

    void note(TenantId tenant, Collection<K> keys) {
        asked.computeIfAbsent(tenant, t -> Collections.synchronizedList(new ArrayList<>()))
                .addAll(keys);
    }

    /** The keys asked for since the last call, in order. */
    List<K> drain(TenantId tenant) {
        List<K> keys = asked.getOrDefault(tenant, List.of());
        synchronized (keys) {
            List<K> copy = List.copyOf(keys);
            keys.clear();
            return copy;
        }
    }
}
