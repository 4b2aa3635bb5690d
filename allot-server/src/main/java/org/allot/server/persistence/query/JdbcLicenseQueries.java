package org.allot.server.persistence.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.server.persistence.AssignmentSql;
import org.allot.server.persistence.JdbcWaitingLists;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link LicenseQueries} in SQL: reads who holds which license and where groups stand, for the admin center: decisions as the engine wrote them. */
public final class JdbcLicenseQueries implements LicenseQueries {
    private final JdbcClient jdbc;
    private final JdbcWaitingLists waitingLists;

    public JdbcLicenseQueries(JdbcClient jdbc, JdbcWaitingLists waitingLists) {
        this.jdbc = jdbc;
        this.waitingLists = waitingLists;
    }

    /** The assignments of a product, by user principal name, from {@code offset}. */
    @Override
    public List<Holder> holders(TenantId tenant, SkuId sku, int offset, int limit) {
        return jdbc.sql("""
                        select a.user_id, u.user_principal_name, u.display_name, a.source_group_id, g.display_name
                               as group_name, a.state, a.error, a.requested_at
                        from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id
                        left join directory_group g on g.tenant_id = a.tenant_id and g.id = a.source_group_id
                        where a.tenant_id = :tenant and a.sku_id = :sku and """ + NOT_WAITING + """
                        order by lower(u.user_principal_name), a.source_group_id offset :offset limit :limit""")
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> {
                    UUID group = rs.getObject("source_group_id", UUID.class);
                    return new Holder(
                            rs.getObject("user_id", UUID.class),
                            rs.getString("user_principal_name"),
                            rs.getString("display_name"),
                            AssignmentSource.ofKey(group).isDirect() ? null : group,
                            rs.getString("group_name"),
                            rs.getString("state"),
                            rs.getString("error"),
                            rs.getObject("requested_at", java.time.OffsetDateTime.class)
                                    .toInstant());
                })
                .list();
    }

    /** How many users hold an assignment in error from each of these groups. */
    @Override
    public Map<GroupId, Integer> errorCounts(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, Integer> counts = new HashMap<>();
        if (groups.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select source_group_id, count(distinct user_id) as n from license_assignment
                        where tenant_id = ? and source_group_id = any(?) and error is not null
                        group by source_group_id""")
                .params(tenant.value(), groups.stream().map(GroupId::value).toArray(UUID[]::new))
                .query(rs -> {
                    counts.put(new GroupId(rs.getObject("source_group_id", UUID.class)), rs.getInt("n"));
                });
        return counts;
    }

    /** Assignments that are not waiting for a seat: they hold one, or failed for another reason. */
    private static final String NOT_WAITING = "(a.error is null or a.error <> " + AssignmentSql.WAITING_ERROR + ")";

    @Override
    public int holderCount(TenantId tenant, SkuId sku) {
        return jdbc.sql("select count(*) from license_assignment a join directory_user u on u.tenant_id = a.tenant_id"
                        + " and u.id = a.user_id where a.tenant_id = ? and a.sku_id = ? and " + NOT_WAITING)
                .params(tenant.value(), sku.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public List<ErrorCount> errorSummary(TenantId tenant, GroupId group, int limit) {
        return jdbc.sql("""
                        select a.sku_id, a.error, a.reason, count(distinct a.user_id) as n from license_assignment a
                        join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id and u.deleted_at is null
                        where a.tenant_id = ? and a.source_group_id = ? and a.error is not null
                        group by a.sku_id, a.error, a.reason order by n desc, a.error, a.reason limit ?""")
                .params(tenant.value(), group.value(), limit)
                .query((rs, i) -> new ErrorCount(
                        new SkuId(rs.getObject("sku_id", UUID.class)),
                        AssignmentError.valueOf(rs.getString("error")),
                        rs.getString("reason"),
                        rs.getInt("n")))
                .list();
    }

    /** Display names of groups, for showing where inherited licenses come from. */
    @Override
    public Map<UUID, String> groupNames(TenantId tenant, Collection<UUID> groups) {
        Map<UUID, String> names = new HashMap<>();
        if (groups.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, display_name from directory_group where tenant_id = ? and id = any(?)")
                .params(tenant.value(), groups.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    @Override
    public UserCounts userCounts(TenantId tenant) {
        return jdbc.sql("""
                        select count(*) as users,
                               count(*) filter (where exists (select 1 from license_assignment a
                                   where a.tenant_id = u.tenant_id and a.user_id = u.id and a.error is not null))
                                   as in_error,
                               count(*) filter (where not exists (select 1 from license_assignment a
                                   where a.tenant_id = u.tenant_id and a.user_id = u.id and a.state in """ + SqlFilter.HOLDING + """
                        )) as unlicensed,
                               count(*) filter (where u.usage_location is null) as without_location,
                               count(*) filter (where u.user_type = 'Guest') as guests
                        from directory_user u where u.tenant_id = ? and u.deleted_at is null""")
                .param(tenant.value())
                .query((rs, i) -> new UserCounts(
                        rs.getLong("users"),
                        rs.getLong("in_error"),
                        rs.getLong("unlicensed"),
                        rs.getLong("without_location"),
                        rs.getLong("guests")))
                .single();
    }

    @Override
    public List<GroupErrors> groupsWithErrors(TenantId tenant, int limit) {
        return jdbc.sql("""
                        select g.id, g.display_name, count(distinct a.user_id) as n
                        from license_assignment a
                        join directory_group g on g.tenant_id = a.tenant_id and g.id = a.source_group_id
                        where a.tenant_id = ? and a.error is not null
                        group by g.id, g.display_name order by n desc, lower(g.display_name) limit ?""")
                .params(tenant.value(), limit)
                .query((rs, i) -> new GroupErrors(
                        new GroupId(rs.getObject("id", UUID.class)), rs.getString("display_name"), rs.getInt("n")))
                .list();
    }

    /** How many users and groups are direct members of each of these groups. */
    @Override
    public Map<GroupId, Integer> memberCounts(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, Integer> counts = new HashMap<>();
        if (groups.isEmpty()) {
            return counts;
        }
        UUID[] ids = groups.stream().map(GroupId::value).toArray(UUID[]::new);
        jdbc.sql("""
                        select group_id, count(*) as n from (
                            select group_id from group_member_user where tenant_id = ? and group_id = any(?)
                            union all
                            select group_id from group_member_group where tenant_id = ? and group_id = any(?)) m
                        group by group_id""").params(tenant.value(), ids, tenant.value(), ids).query(rs -> {
            counts.put(new GroupId(rs.getObject("group_id", UUID.class)), rs.getInt("n"));
        });
        return counts;
    }

    /** Guests among the members of a group, nested groups included, by name. */
    @Override
    public List<UserName> guestMembers(TenantId tenant, GroupId group, int limit) {
        return jdbc.sql("""
                        with recursive scope(id) as (
                            select cast(:group as uuid)
                            union
                            select m.member_group_id from group_member_group m join scope s on m.group_id = s.id
                            where m.tenant_id = :tenant)
                        select u.id, u.user_principal_name, u.display_name from directory_user u
                        where u.tenant_id = :tenant and u.user_type = 'Guest' and u.deleted_at is null
                          and exists (select 1 from group_member_user m where m.tenant_id = u.tenant_id
                                      and m.user_id = u.id and m.group_id in (select id from scope))
                        order by lower(u.display_name), u.id limit :limit""")
                .param("tenant", tenant.value())
                .param("group", group.value())
                .param("limit", limit)
                .query((rs, i) -> new UserName(
                        rs.getObject("id", UUID.class),
                        rs.getString("user_principal_name"),
                        rs.getString("display_name")))
                .list();
    }

    @Override
    public List<WaitingEntry> waitingList(TenantId tenant, SkuId sku, int offset, int limit) {
        return waitingLists.waitingList(tenant, sku, offset, limit);
    }

    @Override
    public OptionalInt waitingPosition(TenantId tenant, SkuId sku, UserId user) {
        return waitingLists.waitingPosition(tenant, sku, user);
    }

    /** Users by id, for naming the users a preview samples. */
    @Override
    public Map<UUID, UserName> userNames(TenantId tenant, Collection<UUID> users) {
        Map<UUID, UserName> names = new HashMap<>();
        if (users.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, user_principal_name, display_name from directory_user where tenant_id = ? and id = any(?)")
                .params(tenant.value(), users.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    names.put(id, new UserName(id, rs.getString("user_principal_name"), rs.getString("display_name")));
                });
        return names;
    }
}
