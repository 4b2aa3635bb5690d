package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.allot.core.ConcurrentChange;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcUsers implements Users {
    /** A user by id: the tenant, then the id. */
    static final String FIND = "select * from directory_user where tenant_id = ? and id = ?";

    /** Below this many users, {@link #addAll} inserts with one statement; from it on, with COPY. */
    static final int COPY_FROM = 100;

    /** About what one user's row takes in COPY's CSV. */
    private static final int ROW_BYTES = 400;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    /** Users added in bulk ({@link #addAll}) with COPY on {@code dataSource}'s transaction. */
    public JdbcUsers(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return jdbc.sql(FIND)
                .params(tenant.value(), id.value())
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Optional<User> findByPrincipalName(TenantId tenant, String userPrincipalName) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and lower(user_principal_name) = lower(?)")
                .params(tenant.value(), userPrincipalName)
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Optional<User> findByImmutableId(TenantId tenant, String immutableId) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and on_premises_immutable_id = ?")
                .params(tenant.value(), immutableId)
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Map<UserId, User> findAll(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        jdbc.sql("select u.* from unnest(?::uuid[]) as t(id) join directory_user u on u.tenant_id = ? and u.id = t.id")
                .params(SqlValues.uuidArray(ids, UserId::value), tenant.value())
                .query(JdbcUsers::map)
                .list()
                .forEach(u -> found.put(u.id(), u));
        return found;
    }

    @Override
    public Map<UserId, Named> names(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, Named> found = new LinkedHashMap<>(SqlValues.capacity(ids.size()));
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select u.id, u.user_principal_name, u.deleted_at is not null as deleted
                        from unnest(?::uuid[]) as t(id) join directory_user u on u.tenant_id = ? and u.id = t.id""")
                .params(SqlValues.uuidArray(ids, UserId::value), tenant.value())
                .query((rs, i) -> new Named(
                        new UserId(SqlValues.uuid(rs, "id")),
                        rs.getString("user_principal_name"),
                        rs.getBoolean("deleted")))
                .list()
                .forEach(n -> found.put(n.id(), n));
        return found;
    }

    @Override
    public Map<UserId, User> lock(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, User> locked = new LinkedHashMap<>();
        LockOrder order = LockOrder.current();
        String clause = order.clause(
                "for no key update",
                LockOrder.Level.USERS,
                ids.stream().map(UserId::value).toList());
        LockOrder.locking(() -> jdbc.sql("select * from directory_user where tenant_id = ? and id = any(?) order by id "
                                + clause)
                        .params(tenant.value(), SqlValues.uuidArray(ids, UserId::value))
                        .query(JdbcUsers::map)
                        .list())
                .forEach(u -> locked.put(u.id(), u));
        order.took(
                LockOrder.Level.USERS,
                locked.keySet().stream().map(UserId::value).toList());
        return locked;
    }

    /** One statement when the transaction may wait for any user's lock (it holds none yet); else found, then locked. */
    @Override
    public Optional<User> lockNamed(TenantId tenant, String userPrincipalName) {
        LockOrder order = LockOrder.current();
        if (order.holds(LockOrder.Level.USERS) || order.holds(LockOrder.Level.SEATS)) {
            return Users.super.lockNamed(tenant, userPrincipalName);
        }
        Optional<User> locked = LockOrder.locking(() -> jdbc.sql("""
                                select * from directory_user
                                where tenant_id = ? and lower(user_principal_name) = lower(?) for no key update""")
                .params(tenant.value(), userPrincipalName)
                .query(JdbcUsers::map)
                .optional());
        locked.ifPresent(u -> order.took(LockOrder.Level.USERS, List.of(u.id().value())));
        return locked;
    }

    @Override
    public Map<String, User> findByPrincipalNames(TenantId tenant, Collection<String> userPrincipalNames) {
        Map<String, User> found = new LinkedHashMap<>();
        if (userPrincipalNames.isEmpty()) {
            return found;
        }
        String[] names = userPrincipalNames.stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .distinct()
                .toArray(String[]::new);
        PageLookups.run(jdbc, names.length, () -> jdbc.sql("""
                                select u.* from unnest(?::text[]) as t(name)
                                join directory_user u on u.tenant_id = ? and lower(u.user_principal_name) = t.name""")
                        .params(names, tenant.value())
                        .query(JdbcUsers::map)
                        .list())
                .forEach(u -> found.put(u.userPrincipalName().toLowerCase(Locale.ROOT), u));
        return found;
    }

    /** Inserts the users with one statement, or with COPY when they are many (a page of a directory's import). */
    @Override
    public void addAll(TenantId tenant, Collection<User> users) {
        if (users.isEmpty()) {
            return;
        }
        if (users.size() >= COPY_FROM) {
            PgCopy copy = new PgCopy(
                    dataSource,
                    "directory_user",
                    "tenant_id, id, " + UserColumns.COLUMNS.replace('\n', ' '),
                    users.size(),
                    ROW_BYTES);
            users.forEach(u -> copy.row(UserColumns.row(tenant.value(), u)));
            copy.send();
            return;
        }
        jdbc.sql("insert into directory_user (tenant_id, id, " + UserColumns.COLUMNS + ") select :tenant, "
                        + UserColumns.UNNESTED + " from " + UserColumns.UNNEST)
                .param("tenant", tenant.value())
                .params(UserColumns.arrays(users))
                .update();
    }

    /** Replaces the users with one statement. */
    @Override
    public void updateAll(TenantId tenant, Collection<User> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.sql("update directory_user u set " + UserColumns.assignmentsFromUnnested() + " from (select "
                        + UserColumns.UNNESTED + " from " + UserColumns.UNNEST
                        + ") t where u.tenant_id = :tenant and u.id = t.id")
                .param("tenant", tenant.value())
                .params(UserColumns.arrays(users))
                .update();
    }

    @Override
    public void add(TenantId tenant, User u) {
        jdbc.sql("insert into directory_user " + UserColumns.ROW)
                .params(tenant.value(), u.id().value())
                .params(UserColumns.parameters(u))
                .update();
    }

    /**
     * One statement: the unique index on the lower-cased principal name turns a taken name into no row inserted
     * (the id is new, so it cannot be what conflicts).
     */
    @Override
    public boolean addUnlessNameTaken(TenantId tenant, User u) {
        return jdbc.sql("insert into directory_user " + UserColumns.ROW + " on conflict do nothing")
                        .params(tenant.value(), u.id().value())
                        .params(UserColumns.parameters(u))
                        .update()
                == 1;
    }

    /**
     * One statement for both rows when the audit log is this database's: the record is inserted from what the user's
     * insert returns, so a taken name (no user inserted) writes no record either.
     */
    @Override
    public boolean addUnlessNameTaken(TenantId tenant, User u, AuditLog audit, AuditEvent created) {
        if (!(audit instanceof JdbcAuditLog records)) {
            return Users.super.addUnlessNameTaken(tenant, u, audit, created);
        }
        return jdbc.sql("with added as (insert into directory_user " + UserColumns.ROW
                                + " on conflict do nothing returning id) " + AuditColumns.INSERT_ONE + " from added")
                        .params(tenant.value(), u.id().value())
                        .params(UserColumns.parameters(u))
                        .params(records.parameters(created))
                        .update()
                == 1;
    }

    /**
     * One statement for all the users and their records: the unique indexes turn a taken name (or immutable id) into
     * no row inserted, and a record is inserted only for a user that was.
     */
    @Override
    public Set<UserId> addAllUnlessNameTaken(
            TenantId tenant, List<User> users, AuditLog audit, List<AuditEvent> created) {
        if (!(audit instanceof JdbcAuditLog records) || users.isEmpty()) {
            return Users.super.addAllUnlessNameTaken(tenant, users, audit, created);
        }
        Map<String, Object> params = new HashMap<>(UserColumns.arrays(users));
        params.putAll(
                records.arrays(created, users.stream().map(u -> u.id().value()).toList()));
        params.put("tenant", tenant.value());
        return jdbc.sql("with added as (insert into directory_user (tenant_id, id, " + UserColumns.COLUMNS
                        + ") select :tenant, " + UserColumns.UNNESTED + " from " + UserColumns.UNNEST
                        + " on conflict do nothing returning id), recorded as (" + AuditColumns.INSERT_UNNESTED
                        + " join added on added.id = a.for_user) select id from added")
                .params(params)
                .query((rs, row) -> new UserId(SqlValues.uuid(rs, "id")))
                .set();
    }

    /**
     * A principal name or immutable id is checked free before the write, under the user's lock alone: another unit of
     * work may give it to another user in between. The unique index then refuses this write, and the unit of work is
     * run again ({@link ConcurrentChange}) to find it taken and refuse it with Graph's answer.
     */
    @Override
    public void update(TenantId tenant, User u) {
        int updated;
        try {
            updated = jdbc.sql("update directory_user set " + UserColumns.assignments()
                            + " where tenant_id = ? and id = ?")
                    .params(UserColumns.parameters(u))
                    .params(tenant.value(), u.id().value())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new ConcurrentChange("user " + u.id() + " was given a name or immutable id another user took since");
        }
        if (updated != 1) {
            throw new IllegalStateException("no user " + u.id() + " to update");
        }
    }

    /** Removes the user with its assignments; memberships go with it by cascade. */
    @Override
    public void purge(TenantId tenant, UserId id) {
        jdbc.sql("delete from license_assignment where tenant_id = ? and user_id = ?")
                .params(tenant.value(), id.value())
                .update();
        jdbc.sql("delete from directory_user where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update();
    }

    @Override
    public long countOnDomain(TenantId tenant, String domain) {
        return new UsersOnDomain(jdbc, tenant, domain).count();
    }

    @Override
    public List<UserId> onDomain(TenantId tenant, String domain, int limit) {
        return new UsersOnDomain(jdbc, tenant, domain).ids(limit);
    }

    @Override
    public List<UserId> deletedBefore(TenantId tenant, Instant time, int limit) {
        return jdbc.sql("""
                        select id from directory_user
                        where tenant_id = ? and deleted_at is not null and deleted_at < ?
                        order by deleted_at limit ?""")
                .params(tenant.value(), SqlValues.time(time), limit)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "id")))
                .list();
    }

    /** A user from its row of {@code directory_user} ({@link UserColumns#map}). */
    public static User map(ResultSet rs, int row) throws SQLException {
        return UserColumns.map(rs);
    }
}
