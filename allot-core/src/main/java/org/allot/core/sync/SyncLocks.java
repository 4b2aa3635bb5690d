package org.allot.core.sync;

import java.util.Optional;
import org.allot.core.TenantId;

/**
 * Port: makes one run at a time per tenant, across every server process sharing the storage. A lock whose holder
 * dies is released.
 */
public interface SyncLocks {
    /** The tenant's lock, or empty when someone else holds it; never waits. */
    Optional<Lock> tryLock(TenantId tenant);

    /** A held lock; closing releases it. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
