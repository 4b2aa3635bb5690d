package org.allot.server.persistence;

import org.allot.core.TenantId;
import org.allot.core.directory.TenantLocks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant's licensing lock as a PostgreSQL transaction-level advisory lock: held in the lock manager's memory,
 * released at commit or rollback, seen by every server that shares the database, and part of PostgreSQL's deadlock
 * detection.
 */
public final class JdbcTenantLocks implements TenantLocks {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    public JdbcTenantLocks(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** Locks after which the tenant's remembered reads check its stamp again. */
    public JdbcTenantLocks(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public void share(TenantId tenant) {
        lock(tenant, false);
    }

    @Override
    public void exclusive(TenantId tenant) {
        lock(tenant, true);
    }

    /** Waits for the lock when it comes first in the transaction's lock order; only tries for it otherwise. */
    private void lock(TenantId tenant, boolean exclusive) {
        LockOrder order = LockOrder.current();
        String mode = exclusive ? "" : "_shared";
        if (order.mayWaitForTenant(exclusive) && stamps.remembers()) {
            // the lock, and the tenant's stamp as it stands once the lock is held (V29), in one round trip
            jdbc.sql("select stamp, written from allot_licensing_lock(?, ?)")
                    .params(tenant.value(), exclusive)
                    .query(rs -> {
                        stamps.seen(tenant, rs.getLong("stamp"), rs.getBoolean("written"));
                    });
            order.tookTenant(exclusive);
            return;
        }
        if (order.mayWaitForTenant(exclusive)) {
            jdbc.sql("select pg_advisory_xact_lock" + mode + "(hashtextextended('allot-licensing:' || ?, 0))")
                    .param(tenant.value().toString())
                    .query()
                    .singleValue();
        } else if (!jdbc.sql(
                        "select pg_try_advisory_xact_lock" + mode + "(hashtextextended('allot-licensing:' || ?, 0))")
                .param(tenant.value().toString())
                .query(Boolean.class)
                .single()) {
            throw LockOrder.outOfOrder("The licensing lock of tenant " + tenant);
        }
        order.tookTenant(exclusive);
        stamps.locked(tenant);
    }
}
