package org.allot.server.persistence.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.DirectoryQueries;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.query.Page;
import org.allot.core.query.Query;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DirectoryQueries} in SQL: reads users and groups page by page for the API and the admin center: filters, ordering, counts and keyset paging,
 * all in SQL with bound parameters. Reads only; licensing decisions are read from the assignments the engine wrote.
 */
public final class JdbcDirectoryQueries implements DirectoryQueries {
    private final JdbcClient jdbc;
    private final Memberships memberships;

    public JdbcDirectoryQueries(JdbcClient jdbc, Memberships memberships) {
        this.jdbc = jdbc;
        this.memberships = memberships;
    }

    @Override
    public Page<User> users(TenantId tenant, Query query, boolean deleted) {
        return page(
                "directory_user u",
                "u",
                tenant,
                query,
                "u.deleted_at is " + (deleted ? "not null" : "null"),
                Map.of(),
                JdbcUsers::map,
                User::id);
    }

    @Override
    public Page<Group> groups(TenantId tenant, Query query) {
        return page("directory_group g", "g", tenant, query, "true", Map.of(), JdbcGroups::map, Group::id);
    }

    /** The users with an assignment in error from the group (Graph's membersWithLicenseErrors). */
    @Override
    public Page<User> membersWithLicenseErrors(TenantId tenant, GroupId group, Query query) {
        return page(
                "directory_user u",
                "u",
                tenant,
                query,
                "u.deleted_at is null and exists (select 1 from license_assignment a where a.tenant_id = u.tenant_id"
                        + " and a.user_id = u.id and a.source_group_id = :group and a.error is not null)",
                Map.of("group", group.value()),
                JdbcUsers::map,
                User::id);
    }

    /** A user by id or by user principal name; deleted users are not found. */
    @Override
    public Optional<User> user(TenantId tenant, String idOrPrincipalName) {
        Optional<UUID> id = uuid(idOrPrincipalName);
        return jdbc.sql("select * from directory_user u where u.tenant_id = :tenant and u.deleted_at is null and "
                        + (id.isPresent() ? "u.id = :key" : "lower(u.user_principal_name) = lower(:key)"))
                .param("tenant", tenant.value())
                .param("key", id.isPresent() ? id.get() : idOrPrincipalName)
                .query(JdbcUsers::map)
                .optional();
    }

    /** The members of a group, users and groups, in id order; with {@code transitive}, through nested groups too. */
    @Override
    public Page<DirectoryObject> members(TenantId tenant, GroupId group, boolean transitive, int top, UUID after) {
        Set<GroupId> scope = new LinkedHashSet<>();
        scope.add(group);
        if (transitive) {
            scope.addAll(memberships.descendantGroups(tenant, group));
        }
        UUID[] groups = scope.stream().map(GroupId::value).toArray(UUID[]::new);
        List<Map<String, Object>> keys = jdbc.sql("""
                        select kind, id from (
                            select 'user' as kind, m.user_id as id from group_member_user m
                            join directory_user u on u.tenant_id = m.tenant_id and u.id = m.user_id
                                and u.deleted_at is null
                            where m.tenant_id = :tenant and m.group_id = any(:groups)
                            union
                            select 'group', m.member_group_id from group_member_group m
                            where m.tenant_id = :tenant and m.group_id = any(:groups)) x
                        where (cast(:after as uuid) is null or id > cast(:after as uuid))
                        order by id limit :limit""")
                .param("tenant", tenant.value())
                .param("groups", groups)
                .param("after", after, java.sql.Types.OTHER)
                .param("limit", top + 1)
                .query()
                .listOfRows();
        boolean more = keys.size() > top;
        List<Map<String, Object>> page = more ? keys.subList(0, top) : keys;
        List<UUID> userIds = new ArrayList<>();
        List<UUID> groupIds = new ArrayList<>();
        page.forEach(k -> ("user".equals(k.get("kind")) ? userIds : groupIds).add((UUID) k.get("id")));
        Map<UUID, DirectoryObject> objects = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("select * from directory_user where tenant_id = ? and id = any(?)")
                    .params(tenant.value(), userIds.toArray(UUID[]::new))
                    .query(JdbcUsers::map)
                    .list()
                    .forEach(u -> objects.put(u.id().value(), new UserObject(u)));
        }
        if (!groupIds.isEmpty()) {
            jdbc.sql("select * from directory_group where tenant_id = ? and id = any(?)")
                    .params(tenant.value(), groupIds.toArray(UUID[]::new))
                    .query(JdbcGroups::map)
                    .list()
                    .forEach(g -> objects.put(g.id().value(), new GroupObject(g)));
        }
        List<DirectoryObject> rows = new ArrayList<>();
        page.forEach(k -> {
            DirectoryObject o = objects.get((UUID) k.get("id"));
            if (o != null) {
                rows.add(o);
            }
        });
        Query.Cursor next =
                more ? new Query.Cursor(null, (UUID) page.get(page.size() - 1).get("id")) : null;
        return new Page<>(rows, null, next);
    }

    /** The groups a user or group belongs to, directly or (with {@code transitive}) through nesting. */
    @Override
    public List<Group> memberOf(TenantId tenant, UUID member, boolean user, boolean transitive) {
        Set<GroupId> groups = new LinkedHashSet<>();
        if (user) {
            Map<UserId, Map<GroupId, Boolean>> of = memberships.groupsOfUsers(tenant, List.of(new UserId(member)));
            of.getOrDefault(new UserId(member), Map.of()).forEach((g, direct) -> {
                if (direct || transitive) {
                    groups.add(g);
                }
            });
        } else {
            groups.addAll(
                    transitive
                            ? memberships.ancestorGroups(tenant, new GroupId(member))
                            : memberships.parentGroups(tenant, new GroupId(member)));
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from directory_group where tenant_id = ? and id = any(?) order by display_name, id")
                .params(tenant.value(), groups.stream().map(GroupId::value).toArray(UUID[]::new))
                .query(JdbcGroups::map)
                .list();
    }

    private record Keyed<T>(T row, String sortKey) {}

    private interface Mapper<T> {
        T map(java.sql.ResultSet rs, int row) throws java.sql.SQLException;
    }

    private <T> Page<T> page(
            String table,
            String alias,
            TenantId tenant,
            Query query,
            String scope,
            Map<String, Object> scopeParams,
            Mapper<T> mapper,
            java.util.function.Function<T, Object> id) {
        Map<String, Object> params = new HashMap<>(scopeParams);
        params.put("tenant", tenant.value());
        StringBuilder where = new StringBuilder(alias + ".tenant_id = :tenant and " + scope);
        if (query.filter() != null) {
            where.append(" and (")
                    .append(new SqlFilter(params, alias).condition(query.filter()))
                    .append(")");
        }
        Long count = null;
        if (query.count()) {
            count = bind(jdbc.sql("select count(*) from " + table + " where " + where), params)
                    .query(Long.class)
                    .single();
        }
        String sortKey = query.order() == null
                ? null
                : "coalesce(lower(" + Column.of(alias, query.order().property()).sql() + "), '')";
        boolean descending = query.order() != null && query.order().descending();
        StringBuilder sql = new StringBuilder(
                "select *, " + (sortKey == null ? "null" : sortKey) + " as sort_key from " + table + " where " + where);
        if (query.after() != null) {
            params.put("afterId", query.after().id());
            if (sortKey == null) {
                sql.append(" and ").append(alias).append(".id > :afterId");
            } else {
                params.put("afterValue", query.after().value());
                sql.append(" and (")
                        .append(sortKey)
                        .append(", ")
                        .append(alias)
                        .append(".id) ")
                        .append(descending ? "<" : ">")
                        .append(" (:afterValue, :afterId)");
            }
        }
        String direction = descending ? " desc" : "";
        sql.append(" order by ")
                .append(sortKey == null ? "" : sortKey + direction + ", ")
                .append(alias)
                .append(".id")
                .append(direction)
                .append(" limit :limit");
        params.put("limit", query.top() + 1);
        List<Keyed<T>> keyed = bind(jdbc.sql(sql.toString()), params)
                .query((rs, i) -> new Keyed<>(mapper.map(rs, i), rs.getString("sort_key")))
                .list();
        Query.Cursor next = null;
        if (keyed.size() > query.top()) {
            keyed = keyed.subList(0, query.top());
            Keyed<T> last = keyed.get(keyed.size() - 1);
            next = new Query.Cursor(last.sortKey(), uuidOf(id.apply(last.row())));
        }
        return new Page<>(keyed.stream().map(Keyed::row).toList(), count, next);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<String, Object> params) {
        JdbcClient.StatementSpec s = statement;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s = s.param(e.getKey(), e.getValue());
        }
        return s;
    }

    private static UUID uuidOf(Object id) {
        return id instanceof UserId u ? u.value() : ((GroupId) id).value();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
