package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.directory.DirectoryChanges;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change log of delta queries and change notifications in {@code directory_change}, which triggers on users, groups,
 * memberships and license assignments write with what each change did (see {@code V26__directory_changes.sql}, {@code
 * V32__…} and {@code V38__…}). Positions are PostgreSQL snapshots ({@code pg_snapshot}): a change is
 * after a position when its transaction had not ended in that snapshot.
 */
public final class JdbcDirectoryChanges implements DirectoryChanges {
    /** The changes after position {@code :from} and by position {@code :to}. */
    private static final String WINDOW = " xid >= pg_snapshot_xmin(cast(:from as pg_snapshot))"
            + " and not pg_visible_in_snapshot(xid, cast(:from as pg_snapshot))"
            + " and pg_visible_in_snapshot(xid, cast(:to as pg_snapshot))";

    private static final String USER_KINDS = "'user'";
    private static final String GROUP_KINDS = "'group'";
    private static final String GROUP_AND_MEMBER_KINDS = "'group', 'member_user', 'member_group'";

    private static final String MEMBERS = """
            select m.group_id, m.user_id as id, false as is_group, false as removed from group_member_user m
            join directory_user u on u.tenant_id = m.tenant_id and u.id = m.user_id and u.deleted_at is null
            where m.tenant_id = :tenant and m.group_id = any(:groups)
            union all
            select m.group_id, m.member_group_id, true, false from group_member_group m
            where m.tenant_id = :tenant and m.group_id = any(:groups)
            order by 1, 2""";

    private static final String MEMBER_CHANGES = """
            select c.object_id as group_id, c.member_id as id, c.kind = 'member_group' as is_group,
                not exists (
                    select 1 from group_member_user m
                    join directory_user u on u.tenant_id = m.tenant_id and u.id = m.user_id and u.deleted_at is null
                    where c.kind = 'member_user' and m.tenant_id = c.tenant_id and m.group_id = c.object_id
                        and m.user_id = c.member_id
                    union all
                    select 1 from group_member_group m
                    where c.kind = 'member_group' and m.tenant_id = c.tenant_id and m.group_id = c.object_id
                        and m.member_group_id = c.member_id) as removed
            from (select distinct tenant_id, object_id, member_id, kind from directory_change
                  where tenant_id = :tenant and kind in ('member_user', 'member_group') and object_id = any(:groups)
                  and""" + WINDOW + ") c order by 1, 2";

    private final JdbcClient jdbc;

    public JdbcDirectoryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String horizon() {
        return jdbc.sql("select pg_current_snapshot()::text")
                .query(String.class)
                .single();
    }

    @Override
    public boolean servable(TenantId tenant, String position) {
        return jdbc.sql("""
                        select pg_snapshot_xmax(cast(:position as pg_snapshot))
                                <= pg_snapshot_xmax(pg_current_snapshot())
                            and not exists (
                                select 1 from directory_change_trim where tenant_id = :tenant
                                and trimmed_through >= pg_snapshot_xmin(cast(:position as pg_snapshot)))""")
                .param("position", position)
                .param("tenant", tenant.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<UUID> present(TenantId tenant, Kind kind, Collection<UUID> only, UUID after, int limit) {
        String table = kind == Kind.USERS ? "directory_user" : "directory_group";
        String live = kind == Kind.USERS ? " and deleted_at is null" : "";
        return only(
                        jdbc.sql("select id from " + table + " where tenant_id = :tenant" + live + only(only, "id")
                                + " and (cast(:after as uuid) is null or id > cast(:after as uuid))"
                                + " order by id limit :limit"),
                        only)
                .param("tenant", tenant.value())
                .param("after", after, java.sql.Types.OTHER)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public List<UUID> changed(
            TenantId tenant,
            Kind kind,
            boolean withMembers,
            Collection<UUID> only,
            String from,
            String to,
            UUID after,
            int limit) {
        String kinds = kind == Kind.USERS ? USER_KINDS : withMembers ? GROUP_AND_MEMBER_KINDS : GROUP_KINDS;
        return only(
                        jdbc.sql("select distinct object_id from directory_change where tenant_id = :tenant"
                                + " and kind in (" + kinds + ") and" + WINDOW + only(only, "object_id")
                                + " and (cast(:after as uuid) is null or object_id > cast(:after as uuid))"
                                + " order by object_id limit :limit"),
                        only)
                .param("tenant", tenant.value())
                .param("from", from)
                .param("to", to)
                .param("after", after, java.sql.Types.OTHER)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The condition that keeps the objects followed, if only some are. */
    private static String only(Collection<UUID> only, String column) {
        return only == null ? "" : " and " + column + " = any(:only)";
    }

    private static JdbcClient.StatementSpec only(JdbcClient.StatementSpec statement, Collection<UUID> only) {
        return only == null ? statement : statement.param("only", only.toArray(UUID[]::new));
    }

    @Override
    public List<Logged> logged(TenantId tenant, String from, String to) {
        return jdbc.sql("""
                        select xid::text as transaction, kind, object_id, op, member_id, sku_id, assignment_state,
                            assignment_error
                        from directory_change
                        where tenant_id = :tenant and""" + WINDOW + " order by xid, seq")
                .param("tenant", tenant.value())
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> {
                    Subject subject = subject(rs.getString("kind"));
                    return new Logged(
                            rs.getString("transaction"),
                            subject,
                            rs.getObject("object_id", UUID.class),
                            op(rs.getString("op")),
                            subject == Subject.LICENSE_ASSIGNMENT ? assignment(rs) : null);
                })
                .list();
    }

    /** A license assignment as the logged change left it; the zero uuid of a direct source is no group. */
    private static AssignmentChange assignment(ResultSet rs) throws SQLException {
        UUID source = rs.getObject("member_id", UUID.class);
        return new AssignmentChange(
                rs.getObject("sku_id", UUID.class),
                AssignmentSource.DIRECT_KEY.equals(source) ? null : source,
                rs.getString("assignment_state"),
                rs.getString("assignment_error"));
    }

    private static Subject subject(String kind) {
        return switch (kind) {
            case "user" -> Subject.USER;
            case "group" -> Subject.GROUP;
            case "license" -> Subject.LICENSE_ASSIGNMENT;
            default -> Subject.MEMBERS;
        };
    }

    /** The change's op; changes logged before V32 have none, and are updates. */
    private static Op op(String op) {
        return op == null ? Op.UPDATED : Op.valueOf(op.toUpperCase(Locale.ROOT));
    }

    @Override
    public Map<UUID, User> users(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, User> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from directory_user where tenant_id = ? and id = any(?)")
                    .params(tenant.value(), ids.toArray(UUID[]::new))
                    .query(JdbcUsers::map)
                    .list()
                    .forEach(u -> found.put(u.id().value(), u));
        }
        return found;
    }

    @Override
    public Map<UUID, Group> groups(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, Group> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from directory_group where tenant_id = ? and id = any(?)")
                    .params(tenant.value(), ids.toArray(UUID[]::new))
                    .query(JdbcGroups::map)
                    .list()
                    .forEach(g -> found.put(g.id().value(), g));
        }
        return found;
    }

    @Override
    public Map<UUID, List<MemberChange>> members(TenantId tenant, Collection<UUID> groups) {
        Map<UUID, List<MemberChange>> members = new HashMap<>();
        if (!groups.isEmpty()) {
            collect(
                    jdbc.sql(MEMBERS).param("tenant", tenant.value()).param("groups", groups.toArray(UUID[]::new)),
                    members);
        }
        return members;
    }

    @Override
    public Map<UUID, List<MemberChange>> memberChanges(
            TenantId tenant, Collection<UUID> groups, String from, String to) {
        Map<UUID, List<MemberChange>> members = new HashMap<>();
        if (!groups.isEmpty()) {
            collect(
                    jdbc.sql(MEMBER_CHANGES)
                            .param("tenant", tenant.value())
                            .param("groups", groups.toArray(UUID[]::new))
                            .param("from", from)
                            .param("to", to),
                    members);
        }
        return members;
    }

    private static void collect(JdbcClient.StatementSpec statement, Map<UUID, List<MemberChange>> members) {
        statement
                .query((rs, row) -> {
                    members.computeIfAbsent(rs.getObject("group_id", UUID.class), g -> new ArrayList<>())
                            .add(new MemberChange(
                                    rs.getObject("id", UUID.class),
                                    rs.getBoolean("is_group"),
                                    rs.getBoolean("removed")));
                    return row;
                })
                .list();
    }

    @Override
    public int trim(TenantId tenant, Instant before) {
        Object[] gone = jdbc.sql("""
                        with gone as (
                            delete from directory_change where tenant_id = ? and changed_at < ? returning xid)
                        select max(xid::text::numeric)::text as through, count(*) as removed_count from gone""")
                .params(tenant.value(), Timestamp.from(before))
                .query((rs, row) -> new Object[] {rs.getString("through"), rs.getLong("removed_count")})
                .single();
        long count = (Long) gone[1];
        if (count == 0) {
            return 0;
        }
        jdbc.sql("""
                        insert into directory_change_trim (tenant_id, trimmed_through, trimmed_at)
                        values (?, cast(? as xid8), now())
                        on conflict (tenant_id) do update
                        set trimmed_through = greatest(directory_change_trim.trimmed_through, excluded.trimmed_through),
                            trimmed_at = excluded.trimmed_at""").params(tenant.value(), gone[0]).update();
        return (int) count;
    }
}
