package org.allot.server.ldap;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/** What {@link SyncLicenseRaceIT} reads back from the tables once the race is over, to hold against its own record. */
final class SyncRaceRecords {
    private SyncRaceRecords() {}

    /** Licenses by holder (a user's or a group's id), holders with none left out. */
    static <K> Map<UUID, Set<UUID>> nonEmpty(Map<K, Set<UUID>> held) {
        Map<UUID, Set<UUID>> result = new TreeMap<>();
        held.forEach((key, skus) -> {
            if (!skus.isEmpty()) {
                result.put(key instanceof UserId u ? u.value() : ((GroupId) key).value(), new TreeSet<>(skus));
            }
        });
        return result;
    }

    /** The direct licenses of these users, as stored. */
    static Map<UUID, Set<UUID>> storedDirect(SyncTestbed allot, List<UserId> users) {
        Set<UUID> tracked = users.stream().map(UserId::value).collect(Collectors.toSet());
        Map<UUID, Set<UUID>> stored = new TreeMap<>();
        allot.jdbc
                .sql("select user_id, sku_id from license_assignment where tenant_id = ? and source_group_id = ?")
                .params(allot.tenant.value(), new UUID(0, 0))
                .query(rs -> {
                    UUID user = rs.getObject("user_id", UUID.class);
                    if (tracked.contains(user)) {
                        stored.computeIfAbsent(user, u -> new TreeSet<>()).add(rs.getObject("sku_id", UUID.class));
                    }
                });
        return stored;
    }

    /** What every group assigns, as stored. */
    static Map<UUID, Set<UUID>> storedGroupLicenses(SyncTestbed allot) {
        Map<UUID, Set<UUID>> stored = new TreeMap<>();
        allot.jdbc
                .sql("select group_id, sku_id from group_license where tenant_id = ?")
                .param(allot.tenant.value())
                .query(rs -> {
                    stored.computeIfAbsent(rs.getObject("group_id", UUID.class), g -> new TreeSet<>())
                            .add(rs.getObject("sku_id", UUID.class));
                });
        return stored;
    }

    /** The direct members of the race's groups that are not deleted: principal names and group names. */
    static Map<String, Set<String>> members(SyncTestbed allot, List<String> groups) {
        Map<String, Set<String>> members = new TreeMap<>();
        for (String group : groups) {
            Set<String> names = new TreeSet<>(allot.jdbc
                    .sql("""
                            select u.user_principal_name from group_member_user m
                            join directory_user u on u.tenant_id = m.tenant_id and u.id = m.user_id
                            where m.tenant_id = ? and m.group_id = ? and u.deleted_at is null""")
                    .params(allot.tenant.value(), allot.groupId(group).value())
                    .query(String.class)
                    .list());
            names.addAll(allot.jdbc
                    .sql("""
                            select g.display_name from group_member_group m
                            join directory_group g on g.tenant_id = m.tenant_id and g.id = m.member_group_id
                            where m.tenant_id = ? and m.group_id = ?""")
                    .params(allot.tenant.value(), allot.groupId(group).value())
                    .query(String.class)
                    .list());
            members.put(group, names);
        }
        return members;
    }

    /** The race's synced users that are not deleted, by principal name. */
    static Set<String> syncedUsers(SyncTestbed allot) {
        return new TreeSet<>(allot.jdbc
                .sql("""
                        select user_principal_name from directory_user
                        where tenant_id = ? and on_premises_sync_enabled and deleted_at is null
                        and user_principal_name ~ '^u[0-9]+@'""")
                .param(allot.tenant.value())
                .query(String.class)
                .list());
    }
}
