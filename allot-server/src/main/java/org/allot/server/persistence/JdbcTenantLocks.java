package org.allot.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.Users;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant's licensing lock as a PostgreSQL transaction-level advisory lock: held in the lock manager's memory,
 * released at commit or rollback, seen by every server that shares the database, and part of PostgreSQL's deadlock
 * detection.
 */
public final class JdbcTenantLocks implements TenantLocks {
    private static final String LOCK = "select stamp, written from allot_licensing_lock(?, ?)";
    /**
     * The lock taken alone unless the member (the tenant, the id) names a user who is not deleted, read before the
     * lock; then the tenant again for the lock.
     */
    private static final String LOCK_FOR_MEMBER = "select stamp, written, m.exclusive from (select not exists"
            + " (select 1 from directory_user where tenant_id = ? and id = ? and deleted_at is null) as exclusive) m,"
            + " allot_licensing_lock(?, m.exclusive)";

    private final JdbcClient jdbc;
    private final TenantStamps stamps;
    /** For reads sent with the lock ({@link #lockAndFind}). */
    private final JdbcTemplate template;

    /**
     * Locks after which the tenant's remembered reads check its stamp again; a group read under the lock is sent with
     * it, in one round trip.
     */
    public JdbcTenantLocks(DataSource dataSource, JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
        this.template = new JdbcTemplate(dataSource);
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
            jdbc.sql(LOCK).params(tenant.value(), exclusive).query(rs -> {
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

    /**
     * The lock with the tenant's stamp, and the group, in one message: PostgreSQL reads the group once the lock is
     * held, with a snapshot of its own ({@link OneRoundTrip}). Where the lock is only tried for (out of the lock order)
     * or stamps are not remembered, one after the other.
     */
    @Override
    public Optional<Group> lockAndFind(TenantId tenant, boolean exclusive, Groups groups, GroupId group) {
        LockOrder order = LockOrder.current();
        if (!(groups instanceof JdbcGroups) || !stamps.remembers() || !order.mayWaitForTenant(exclusive)) {
            return TenantLocks.super.lockAndFind(tenant, exclusive, groups, group);
        }
        List<Group> found = new ArrayList<>(1);
        new OneRoundTrip()
                .add(
                        LOCK,
                        rs -> stamps.seen(tenant, rs.getLong("stamp"), rs.getBoolean("written")),
                        tenant.value(),
                        exclusive)
                .add(JdbcGroups.FIND, rs -> found.add(JdbcGroups.map(rs, 0)), tenant.value(), group.value())
                .send(template);
        order.tookTenant(exclusive);
        return found.stream().findFirst();
    }

    /**
     * The lock, shared or alone as the member decides, with the tenant's stamp; the user and the group, read once the
     * lock is held: one message. Where the lock is only tried for, stamps are not remembered or the ports are not
     * these tables', one call after the other.
     */
    @Override
    public LockedForMember lockForMember(TenantId tenant, UUID member, Users users, Groups groups, GroupId group) {
        LockOrder order = LockOrder.current();
        if (!(groups instanceof JdbcGroups)
                || !(users instanceof JdbcUsers)
                || !stamps.remembers()
                || !order.mayWaitForTenant(true)) {
            return TenantLocks.super.lockForMember(tenant, member, users, groups, group);
        }
        boolean[] exclusive = {true};
        List<User> user = new ArrayList<>(1);
        List<Group> found = new ArrayList<>(1);
        new OneRoundTrip()
                .add(
                        LOCK_FOR_MEMBER,
                        rs -> {
                            stamps.seen(tenant, rs.getLong("stamp"), rs.getBoolean("written"));
                            exclusive[0] = rs.getBoolean("exclusive");
                        },
                        tenant.value(),
                        member,
                        tenant.value())
                .add(JdbcUsers.FIND, rs -> user.add(JdbcUsers.map(rs, 0)), tenant.value(), member)
                .add(JdbcGroups.FIND, rs -> found.add(JdbcGroups.map(rs, 0)), tenant.value(), group.value())
                .send(template);
        order.tookTenant(exclusive[0]);
        Optional<User> live = exclusive[0]
                ? Optional.empty()
                : user.stream().filter(u -> !u.isDeleted()).findFirst();
        return new LockedForMember(exclusive[0], live, found.stream().findFirst());
    }
}
