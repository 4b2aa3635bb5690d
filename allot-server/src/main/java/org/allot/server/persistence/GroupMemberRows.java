package org.allot.server.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The direct memberships of many groups at once, as a directory sync sets them: read with one statement, and their
 * user rows added or removed with one statement (nested groups are {@link JdbcMemberships}'s, one by one).
 */
final class GroupMemberRows {
    private final JdbcClient jdbc;

    GroupMemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The direct members, users (deleted ones included) and groups, of each of the groups. */
    Map<GroupId, Set<Member>> directMembers(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, Set<Member>> members = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return members;
        }
        groups.forEach(g -> members.put(g, new HashSet<>()));
        jdbc.sql("""
                        select m.group_id, m.user_id as id, true as is_user
                          from unnest(cast(:groups as uuid[])) as t(g) join group_member_user m
                            on m.tenant_id = :tenant and m.group_id = t.g
                        union all
                        select m.group_id, m.member_group_id, false
                          from unnest(cast(:groups as uuid[])) as t(g) join group_member_group m
                            on m.tenant_id = :tenant and m.group_id = t.g""")
                .param("tenant", tenant.value())
                .param("groups", SqlValues.uuidArray(groups, GroupId::value))
                .query(rs -> {
                    UUID id = SqlValues.uuid(rs, "id");
                    members.get(new GroupId(SqlValues.uuid(rs, "group_id")))
                            .add(
                                    rs.getBoolean("is_user")
                                            ? Member.user(new UserId(id))
                                            : Member.group(new GroupId(id)));
                });
        return members;
    }

    /** Adds the user members of the groups; those already members are left as they are. */
    void addUsers(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        Pairs pairs = Pairs.of(members);
        if (!pairs.users.isEmpty()) {
            jdbc.sql("""
                            insert into group_member_user (tenant_id, group_id, user_id)
                            select :tenant, g, u from unnest(cast(:groups as uuid[]), cast(:users as uuid[])) as t(g, u)
                            on conflict do nothing""")
                    .param("tenant", tenant.value())
                    .param("groups", pairs.groups.toArray(UUID[]::new))
                    .param("users", pairs.users.toArray(UUID[]::new))
                    .update();
        }
    }

    /** Removes the user members of the groups; those that are not members are ignored. */
    void removeUsers(TenantId tenant, Map<GroupId, ? extends Collection<Member>> members) {
        Pairs pairs = Pairs.of(members);
        if (!pairs.users.isEmpty()) {
            jdbc.sql("""
                            delete from group_member_user m using unnest(cast(:groups as uuid[]), cast(:users as uuid[])) as t(g, u)
                             where m.tenant_id = :tenant and m.group_id = t.g and m.user_id = t.u""")
                    .param("tenant", tenant.value())
                    .param("groups", pairs.groups.toArray(UUID[]::new))
                    .param("users", pairs.users.toArray(UUID[]::new))
                    .update();
        }
    }

    /** The (group, user) pairs of the user members, as two arrays of the same length. */
    private record Pairs(List<UUID> groups, List<UUID> users) {
        static Pairs of(Map<GroupId, ? extends Collection<Member>> members) {
            Pairs pairs = new Pairs(new ArrayList<>(), new ArrayList<>());
            members.forEach((group, listed) -> listed.forEach(m -> {
                if (m instanceof Member.OfUser user) {
                    pairs.groups.add(group.value());
                    pairs.users.add(user.id().value());
                }
            }));
            return pairs;
        }
    }
}
