package org.allot.server.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.DynamicGroups;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What applying membership rules reads and writes, set-wise: users a chunk at a time along the primary key, and
 * members added or removed with one statement per group and chunk.
 */
public final class JdbcDynamicGroups implements DynamicGroups {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Dynamic groups read from the database at every read. */
    public JdbcDynamicGroups(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** A tenant's dynamic groups remembered while its stamp stays where it was. */
    public JdbcDynamicGroups(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public List<Group> all(TenantId tenant) {
        return stamps.read(
                tenant,
                TenantStamps.Kind.DYNAMIC_GROUPS,
                () -> List.copyOf(jdbc.sql("select * from directory_group where tenant_id = ?"
                                + " and 'DynamicMembership' = any (group_types) order by id")
                        .param(tenant.value())
                        .query(JdbcGroups::map)
                        .list()));
    }

    @Override
    public List<User> users(TenantId tenant, UserId after, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select * from directory_user"
                        + " where tenant_id = :tenant and deleted_at is null"
                        + (after == null ? "" : " and id > :after")
                        + " order by id limit :limit")
                .param("tenant", tenant.value())
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after.value());
        }
        return statement.query(JdbcUsers::map).list();
    }

    @Override
    public List<User> lock(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        LockOrder order = LockOrder.current();
        String clause = order.clause(
                "for no key update",
                LockOrder.Level.USERS,
                users.stream().map(UserId::value).toList());
        List<User> locked = LockOrder.locking(() -> jdbc.sql("select * from directory_user where tenant_id = ? and"
                        + " id = any(?) and deleted_at is null order by id " + clause)
                .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                .query(JdbcUsers::map)
                .list());
        order.took(
                LockOrder.Level.USERS, locked.stream().map(u -> u.id().value()).toList());
        return locked;
    }

    @Override
    public long countUsers(TenantId tenant) {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ? and deleted_at is null")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    @Override
    public Map<GroupId, Set<UserId>> members(TenantId tenant, Collection<GroupId> groups, Collection<UserId> users) {
        Map<GroupId, Set<UserId>> members = new HashMap<>();
        if (groups.isEmpty() || users.isEmpty()) {
            return members;
        }
        jdbc.sql("""
                        select group_id, user_id from group_member_user
                        where tenant_id = ? and group_id = any(?) and user_id = any(?)""")
                .params(
                        tenant.value(),
                        SqlValues.uuidArray(groups, GroupId::value),
                        SqlValues.uuidArray(users, UserId::value))
                .query(rs -> {
                    members.computeIfAbsent(new GroupId(SqlValues.uuid(rs, "group_id")), g -> new TreeSet<>())
                            .add(new UserId(SqlValues.uuid(rs, "user_id")));
                });
        return members;
    }

    @Override
    public void addMembers(TenantId tenant, GroupId group, Collection<UserId> users) {
        jdbc.sql("""
                        insert into group_member_user (tenant_id, group_id, user_id)
                        select ?, ?, u from unnest(?::uuid[]) as t(u) order by u
                        on conflict do nothing""")
                .params(tenant.value(), group.value(), SqlValues.uuidArray(users, UserId::value))
                .update();
    }

    @Override
    public void removeMembers(TenantId tenant, GroupId group, Collection<UserId> users) {
        jdbc.sql("delete from group_member_user where tenant_id = ? and group_id = ? and user_id = any(?)")
                .params(tenant.value(), group.value(), SqlValues.uuidArray(users, UserId::value))
                .update();
    }
}
