package org.allot.server.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRange;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Memberships in two tables, users and nested groups; nesting is walked with recursive queries. */
public final class JdbcMemberships implements Memberships {
    private static final String DESCENDANTS = """
            with recursive sub(id) as (
                select member_group_id from group_member_group where tenant_id = :tenant and group_id = :group
                union
                select m.member_group_id from group_member_group m join sub on m.group_id = sub.id
                where m.tenant_id = :tenant)
            select id from sub""";
    private static final String ANCESTORS = """
            with recursive up(id) as (
                select group_id from group_member_group where tenant_id = :tenant and member_group_id = :group
                union
                select m.group_id from group_member_group m join up on m.member_group_id = up.id
                where m.tenant_id = :tenant)
            select id from up""";

    /** Each user's groups ({@code :users}), directly ({@code direct}) or through nesting. */
    private static final String GROUPS_OF_USERS = """
            with recursive up(user_id, group_id, direct) as (
                select user_id, group_id, true from group_member_user
                where tenant_id = :tenant and user_id = any(:users)
                union
                select up.user_id, m.group_id, false
                from up join group_member_group m
                  on m.tenant_id = :tenant and m.member_group_id = up.group_id)
            select user_id, group_id, bool_or(direct) as direct from up group by user_id, group_id""";

    /**
     * Members who are not deleted: an anti-join against the (few) deleted users, through their partial index, so a
     * chunk reads its members' index range only and never every user of the tenant.
     */
    private static final String NOT_DELETED = " and not exists (select 1 from directory_user u"
            + " where u.tenant_id = m.tenant_id and u.id = m.user_id and u.deleted_at is not null)";

    /** Up to this many users, their groups are walked in SQL. */
    private static final int FEW_USERS = 64;

    private final JdbcClient jdbc;
    private final Ranges ranges;

    public JdbcMemberships(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ranges = new Ranges(dataSource);
    }

    @Override
    public boolean add(TenantId tenant, GroupId group, Member member) {
        String sql = member instanceof Member.OfUser
                ? "insert into group_member_user (tenant_id, group_id, user_id) values (?, ?, ?) on conflict do nothing"
                : "insert into group_member_group (tenant_id, group_id, member_group_id) values (?, ?, ?)"
                        + " on conflict do nothing";
        return jdbc.sql(sql).params(tenant.value(), group.value(), id(member)).update() == 1;
    }

    @Override
    public boolean remove(TenantId tenant, GroupId group, Member member) {
        String sql = member instanceof Member.OfUser
                ? "delete from group_member_user where tenant_id = ? and group_id = ? and user_id = ?"
                : "delete from group_member_group where tenant_id = ? and group_id = ? and member_group_id = ?";
        return jdbc.sql(sql).params(tenant.value(), group.value(), id(member)).update() == 1;
    }

    @Override
    public boolean isDirectMember(TenantId tenant, GroupId group, Member member) {
        String sql = member instanceof Member.OfUser
                ? "select count(*) from group_member_user where tenant_id = ? and group_id = ? and user_id = ?"
                : "select count(*) from group_member_group where tenant_id = ? and group_id = ?"
                        + " and member_group_id = ?";
        return jdbc.sql(sql)
                        .params(tenant.value(), group.value(), id(member))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Set<Member> directMembers(TenantId tenant, GroupId group) {
        Set<Member> members = new HashSet<>();
        jdbc.sql("""
                        select user_id as id, true as is_user from group_member_user where tenant_id = :tenant
                          and group_id = :group
                        union all
                        select member_group_id, false from group_member_group where tenant_id = :tenant
                          and group_id = :group""")
                .param("tenant", tenant.value())
                .param("group", group.value())
                .query(rs -> {
                    UUID id = SqlValues.uuid(rs, "id");
                    members.add(rs.getBoolean("is_user") ? Member.user(new UserId(id)) : Member.group(new GroupId(id)));
                });
        return members;
    }

    /** Adds user members with one statement; nested groups one by one. */
    @Override
    public void addAll(TenantId tenant, GroupId group, Collection<Member> members) {
        List<UUID> users = userIds(members);
        if (!users.isEmpty()) {
            jdbc.sql("""
                            insert into group_member_user (tenant_id, group_id, user_id)
                            select :tenant, :group, u from unnest(:users) as t(u)
                            on conflict do nothing""")
                    .param("tenant", tenant.value())
                    .param("group", group.value())
                    .param("users", users.toArray(UUID[]::new))
                    .update();
        }
        members.stream().filter(m -> m instanceof Member.OfGroup).forEach(m -> add(tenant, group, m));
    }

    /** Removes user members with one statement; nested groups one by one. */
    @Override
    public void removeAll(TenantId tenant, GroupId group, Collection<Member> members) {
        List<UUID> users = userIds(members);
        if (!users.isEmpty()) {
            jdbc.sql("delete from group_member_user where tenant_id = ? and group_id = ? and user_id = any(?)")
                    .params(tenant.value(), group.value(), users.toArray(UUID[]::new))
                    .update();
        }
        members.stream().filter(m -> m instanceof Member.OfGroup).forEach(m -> remove(tenant, group, m));
    }

    private static List<UUID> userIds(Collection<Member> members) {
        return members.stream()
                .filter(m -> m instanceof Member.OfUser)
                .map(JdbcMemberships::id)
                .toList();
    }

    @Override
    public Set<GroupId> parentGroups(TenantId tenant, GroupId group) {
        return groups(
                jdbc.sql("select group_id as id from group_member_group where tenant_id = ? and member_group_id = ?")
                        .params(tenant.value(), group.value()));
    }

    @Override
    public Set<GroupId> descendantGroups(TenantId tenant, GroupId group) {
        return groups(jdbc.sql(DESCENDANTS).param("tenant", tenant.value()).param("group", group.value()));
    }

    @Override
    public Set<GroupId> ancestorGroups(TenantId tenant, GroupId group) {
        return groups(jdbc.sql(ANCESTORS).param("tenant", tenant.value()).param("group", group.value()));
    }

    /**
     * A few users' groups are walked in SQL; for more (a chunk of a fan-out) their direct memberships are read by key
     * and the nesting once, and the groups above worked out here, each group's once.
     */
    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsers(TenantId tenant, Collection<UserId> users) {
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
    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsersBetween(TenantId tenant, UserId after, UserId last) {
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
        jdbc.sql("select group_id, member_group_id from group_member_group where tenant_id = ?")
                .param(tenant.value())
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
     * The groups above a group, at any depth, from the nesting read once: a chunk of users reads its direct
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

    /**
     * Walks the primary key (tenant, group, user) in user order from the cursor, so each chunk costs the same
     * however far into a large group it is.
     */
    @Override
    public List<UserId> userMembers(TenantId tenant, GroupId group, boolean nested, UserId after, int limit) {
        UUID[] groups = scope(tenant, group, nested);
        String cursor = after == null ? "" : " and m.user_id > :after";
        String sql = groups.length == 1
                ? "select m.user_id from group_member_user m"
                        + " where m.tenant_id = :tenant and m.group_id = :group" + cursor + NOT_DELETED
                        + " order by m.user_id limit :limit"
                : "select distinct m.user_id from group_member_user m"
                        + " where m.tenant_id = :tenant and m.group_id = any(:groups)" + cursor + NOT_DELETED
                        + " order by m.user_id limit :limit";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("tenant", tenant.value()).param("limit", limit);
        statement = groups.length == 1 ? statement.param("group", groups[0]) : statement.param("groups", groups);
        if (after != null) {
            statement = statement.param("after", after.value());
        }
        return statement
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "user_id")))
                .list();
    }

    @Override
    public long countUserMembers(TenantId tenant, GroupId group, boolean nested) {
        return jdbc.sql("""
                        select count(distinct m.user_id) from group_member_user m
                        where m.tenant_id = :tenant and m.group_id = any(:groups)""" + NOT_DELETED)
                .param("tenant", tenant.value())
                .param("groups", scope(tenant, group, nested))
                .query(Long.class)
                .single();
    }

    private UUID[] scope(TenantId tenant, GroupId group, boolean nested) {
        Set<GroupId> groups = new LinkedHashSet<>();
        groups.add(group);
        if (nested) {
            groups.addAll(descendantGroups(tenant, group));
        }
        return SqlValues.uuidArray(groups, GroupId::value);
    }

    private static Set<GroupId> groups(JdbcClient.StatementSpec statement) {
        return new LinkedHashSet<>(statement
                .query((rs, i) -> new GroupId(SqlValues.uuid(rs, "id")))
                .list());
    }

    private static UUID id(Member member) {
        return member instanceof Member.OfUser user
                ? user.id().value()
                : ((Member.OfGroup) member).id().value();
    }
}
