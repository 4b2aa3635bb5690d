package org.allot.server.persistence;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.allot.core.TenantId;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Memberships in two tables, users and nested groups; nesting is walked with recursive queries. Each user's groups, as
 * licensing reads them, are {@link GroupsOfUsers}'s part.
 */
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

    /**
     * Members who are not deleted: an anti-join against the (few) deleted users, through their partial index, so a
     * chunk reads its members' index range only and never every user of the tenant.
     */
    private static final String NOT_DELETED = " and not exists (select 1 from directory_user u"
            + " where u.tenant_id = m.tenant_id and u.id = m.user_id and u.deleted_at is not null)";

    private final JdbcClient jdbc;
    private final GroupMemberRows rows;
    private final GroupsOfUsers groupsOfUsers;

    public JdbcMemberships(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new GroupMemberRows(jdbc);
        this.groupsOfUsers = new GroupsOfUsers(dataSource, jdbc);
    }

    @Override
    public boolean add(TenantId tenant, GroupId group, Member member) {
        String sql = member instanceof Member.OfUser
                ? "insert into group_member_user (tenant_id, group_id, user_id) values (?, ?, ?) on conflict do nothing"
                : "insert into group_member_group (tenant_id, group_id, member_group_id) values (?, ?, ?)"
                        + " on conflict do nothing";
        return jdbc.sql(sql).params(tenant.value(), group.value(), id(member)).update() == 1;
    }

    /**
     * One statement for both rows when the audit log is this database's: the record is inserted from what the
     * membership's insert returns, so a member already there (nothing inserted) writes no record either.
     */
    @Override
    public boolean add(TenantId tenant, GroupId group, Member member, AuditLog audit, AuditEvent added) {
        if (!(audit instanceof JdbcAuditLog records)) {
            return Memberships.super.add(tenant, group, member, audit, added);
        }
        String insert = member instanceof Member.OfUser
                ? "insert into group_member_user (tenant_id, group_id, user_id) values (?, ?, ?)"
                : "insert into group_member_group (tenant_id, group_id, member_group_id) values (?, ?, ?)";
        return jdbc.sql("with added as (" + insert + " on conflict do nothing returning 1) " + AuditColumns.INSERT_ONE
                                + " from added")
                        .params(tenant.value(), group.value(), id(member))
                        .params(records.parameters(added))
                        .update()
                == 1;
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
        return directMembers(tenant, List.of(group)).get(group);
    }

    @Override
    public Map<GroupId, Set<Member>> directMembers(TenantId tenant, Collection<GroupId> groups) {
        return rows.directMembers(tenant, groups);
    }

    /** Adds the user members of several groups with one statement; nested groups one by one. */
    @Override
    public void addAll(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        rows.addUsers(tenant, members);
        members.forEach((group, added) ->
                added.stream().filter(m -> m instanceof Member.OfGroup).forEach(m -> add(tenant, group, m)));
    }

    /** Removes the user members of several groups with one statement; nested groups one by one. */
    @Override
    public void removeAll(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        rows.removeUsers(tenant, members);
        members.forEach((group, removed) ->
                removed.stream().filter(m -> m instanceof Member.OfGroup).forEach(m -> remove(tenant, group, m)));
    }

    /** {@link #addAll(TenantId, Map)} for one group. */
    @Override
    public void addAll(TenantId tenant, GroupId group, Collection<Member> members) {
        addAll(tenant, Map.of(group, members));
    }

    /** {@link #removeAll(TenantId, Map)} for one group. */
    @Override
    public void removeAll(TenantId tenant, GroupId group, Collection<Member> members) {
        removeAll(tenant, Map.of(group, members));
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

    /** A few users' groups walked in SQL, a chunk's worked out from the nesting read once ({@link GroupsOfUsers}). */
    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsers(TenantId tenant, Collection<UserId> users) {
        return groupsOfUsers.of(tenant, users);
    }

    @Override
    public Map<UserId, Map<GroupId, Boolean>> groupsOfUsersBetween(TenantId tenant, UserId after, UserId last) {
        return groupsOfUsers.between(tenant, after, last);
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
