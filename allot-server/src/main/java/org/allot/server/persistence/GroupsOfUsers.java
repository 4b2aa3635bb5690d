package org.allot.server.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users' side of {@link JdbcMemberships}: each user's groups, directly or through nesting, as licensing reads them
 * for one user or for a chunk of a fan-out. A few users' groups are walked in SQL; for more, their direct memberships
 * are read by key or in one index range, the nesting above their groups once, and the groups above worked out here,
 * each group's once.
 */
final class GroupsOfUsers {
    /**
     * Each user's ({@code :users}) groups as {@code mine(user_id, group_id, direct)}: directly ({@code direct}) or
     * through nesting; the {@code with} clause of a statement that goes on with its {@code select}. Each user's
     * memberships are looked up on their own (a lateral join on the index by user, kept a lookup per user by
     * {@code offset 0}, which stops PostgreSQL from turning it into a join over the tenant's rows), not as
     * {@code user_id = any(..)}:
     * for that, the generic plan PostgreSQL keeps after five executions may read the tenant's whole part of the
     * primary key ({@code tenant_id, group_id, user_id}) for each user ({@code ReadsByUserPlansIT}).
     */
    static final String MINE = """
            with recursive up(user_id, group_id, direct) as (
                select k.id, m.group_id, true from unnest(cast(:users as uuid[])) as k(id)
                cross join lateral (select group_id from group_member_user
                    where tenant_id = :tenant and user_id = k.id offset 0) m
                union
                select up.user_id, m.group_id, false
                from up join group_member_group m
                  on m.tenant_id = :tenant and m.member_group_id = up.group_id),
            mine as (select user_id, group_id, bool_or(direct) as direct from up group by user_id, group_id)
            """;

    /**
     * The nesting above some groups ({@code :groups}): each pair of a group and a group it is a member of, at any
     * height, found from those groups up (each pair once, so a cycle ends), not the tenant's whole nesting. The first
     * step looks each group up on its own, as {@link #MINE} does and for the same reason.
     */
    private static final String NESTING_ABOVE = """
            with recursive up(group_id, member_group_id) as (
                select m.group_id, m.member_group_id from unnest(cast(:groups as uuid[])) as k(id)
                cross join lateral (select group_id, member_group_id from group_member_group
                    where tenant_id = :tenant and member_group_id = k.id offset 0) m
                union
                select m.group_id, m.member_group_id
                from up join group_member_group m
                  on m.tenant_id = :tenant and m.member_group_id = up.group_id)
            select group_id, member_group_id from up
            """;

    /** Each user's groups ({@code :users}), directly ({@code direct}) or through nesting. */
    static final String GROUPS_OF_USERS = MINE + "select user_id, group_id, direct from mine";

    /** Up to this many users, their groups are walked in SQL. */
    static final int FEW_USERS = 64;

    private final JdbcClient jdbc;
    private final Ranges ranges;

    GroupsOfUsers(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ranges = new Ranges(dataSource);
    }

    /** These users' groups: {@code true} for a direct membership, {@code false} for one through nesting only. */
    Map<UserId, Map<GroupId, Boolean>> of(TenantId tenant, Collection<UserId> users) {
        if (users.size() <= FEW_USERS) {
            return groupsOf(jdbc.sql(GROUPS_OF_USERS)
                    .param("tenant", tenant.value())
                    .param("users", SqlValues.uuidArray(users, UserId::value)));
        }
        List<UUID> members = new ArrayList<>(users.size());
        List<UUID> direct = new ArrayList<>(users.size());
        jdbc.sql("select user_id, group_id from group_member_user where tenant_id = ? and user_id = any(?)")
                .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                .query(rs -> {
                    members.add(rs.getObject(1, UUID.class));
                    direct.add(rs.getObject(2, UUID.class));
                });
        return withGroupsAbove(tenant, members, direct);
    }

    /** One range of the index on users, for the memberships and then the groups above them. */
    Map<UserId, Map<GroupId, Boolean>> between(TenantId tenant, UserId after, UserId last) {
        List<UUID> users = new ArrayList<>();
        List<UUID> direct = new ArrayList<>();
        String sql = "select user_id, group_id from group_member_user where tenant_id = ?";
        ranges.query(sql, tenant.value(), "user_id", new UserRange(after, last), "", List.of(), rs -> {
            users.add(rs.getObject(1, UUID.class));
            direct.add(rs.getObject(2, UUID.class));
        });
        return withGroupsAbove(tenant, users, direct);
    }

    /** Each user's direct groups (the pairs {@code users[i]}, {@code direct[i]}) and the groups above them. */
    private Map<UserId, Map<GroupId, Boolean>> withGroupsAbove(TenantId tenant, List<UUID> users, List<UUID> direct) {
        Map<UUID, List<UUID>> parents = new HashMap<>();
        jdbc.sql(NESTING_ABOVE)
                .param("tenant", tenant.value())
                .param("groups", new HashSet<>(direct).toArray(UUID[]::new))
                .query(rs -> {
                    parents.computeIfAbsent(SqlValues.uuid(rs, "member_group_id"), g -> new ArrayList<>())
                            .add(SqlValues.uuid(rs, "group_id"));
                });
        Map<UUID, List<GroupId>> ancestors = new HashMap<>();
        Map<UUID, GroupId> ids = new HashMap<>();
        Map<UserId, Map<GroupId, Boolean>> result = new HashMap<>(SqlValues.capacity(users.size()));
        for (int i = 0; i < users.size(); i++) {
            Map<GroupId, Boolean> groups = result.computeIfAbsent(new UserId(users.get(i)), u -> new HashMap<>(4));
            UUID group = direct.get(i);
            groups.put(ids.computeIfAbsent(group, GroupId::new), true);
            for (GroupId above : ancestors.computeIfAbsent(group, g -> above(g, parents).stream()
                    .map(a -> ids.computeIfAbsent(a, GroupId::new))
                    .toList())) {
                groups.putIfAbsent(above, false);
            }
        }
        return result;
    }

    /**
     * The groups above a group, at any depth, from the nesting above read once: a chunk of users reads its direct
     * memberships in one index range and works out the nested ones here, instead of walking them in SQL per user.
     */
    private static Set<UUID> above(UUID group, Map<UUID, List<UUID>> parents) {
        Set<UUID> found = new HashSet<>();
        Deque<UUID> todo = new ArrayDeque<>(parents.getOrDefault(group, List.of()));
        while (!todo.isEmpty()) {
            UUID parent = todo.pop();
            if (found.add(parent)) {
                todo.addAll(parents.getOrDefault(parent, List.of()));
            }
        }
        return found;
    }

    private static Map<UserId, Map<GroupId, Boolean>> groupsOf(JdbcClient.StatementSpec statement) {
        Map<UserId, Map<GroupId, Boolean>> result = new HashMap<>();
        statement.query(rs -> {
            result.computeIfAbsent(new UserId(SqlValues.uuid(rs, "user_id")), u -> new HashMap<>())
                    .put(new GroupId(SqlValues.uuid(rs, "group_id")), rs.getBoolean("direct"));
        });
        return result;
    }
}
