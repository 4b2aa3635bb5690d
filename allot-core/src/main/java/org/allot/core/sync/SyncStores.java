package org.allot.core.sync;

import java.util.Objects;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenants;

/**
 * What directory sync keeps, through its ports: the tenants, each tenant's connector, the record of its runs, the
 * objects it brought over and the lock that lets one run at a time; and the unit of work each step runs in.
 */
public record SyncStores(
        Tenants tenants,
        Connectors connectors,
        SyncRuns runs,
        SyncedObjects synced,
        SyncLocks locks,
        Transactions transactions) {
    public SyncStores {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(connectors, "connectors");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(synced, "synced");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(transactions, "transactions");
    }
}
