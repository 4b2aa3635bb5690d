package org.allot.server.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.SyncedObjects;
import org.allot.core.sync.SyncedRef;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synced users and groups, found by immutable id through the indexes on {@code on_premises_immutable_id}. */
public final class JdbcSyncedObjects implements SyncedObjects {
    private final JdbcClient jdbc;

    public JdbcSyncedObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SyncedRef> all(TenantId tenant) {
        return jdbc.sql("""
                        select 'USER' as kind, id, on_premises_immutable_id, user_principal_name as name,
                            deleted_at is not null as deleted, on_premises_distinguished_name as dn
                        from directory_user
                        where tenant_id = :tenant and on_premises_sync_enabled and on_premises_immutable_id is not null
                        union all
                        select 'GROUP', id, on_premises_immutable_id, display_name, false, null
                        from directory_group
                        where tenant_id = :tenant and on_premises_sync_enabled and on_premises_immutable_id is not null""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new SyncedRef(
                        ObjectKind.valueOf(rs.getString("kind")),
                        SqlValues.uuid(rs, "id"),
                        rs.getString("on_premises_immutable_id"),
                        rs.getString("name"),
                        rs.getBoolean("deleted"),
                        rs.getString("dn")))
                .list();
    }

    @Override
    public Map<String, User> usersByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        return byImmutableId(
                "directory_user", "true", JdbcUsers::map, User::onPremisesImmutableId, tenant, immutableIds);
    }

    @Override
    public List<String> awaitingTheirDomain(TenantId tenant, String initialDomain, Collection<String> verifiedDomains) {
        return jdbc.sql("""
                        select on_premises_immutable_id from directory_user
                        where tenant_id = ? and on_premises_sync_enabled and deleted_at is null
                          and lower(user_principal_name) like ?
                          and lower(substring(on_premises_user_principal_name from '@([^@]*)$')) = any(?)""")
                .params(
                        tenant.value(),
                        "%@" + initialDomain.toLowerCase(Locale.ROOT).replace("_", "\\_"),
                        verifiedDomains.stream()
                                .map(d -> d.toLowerCase(Locale.ROOT))
                                .filter(d -> !d.equalsIgnoreCase(initialDomain))
                                .toArray(String[]::new))
                .query(String.class)
                .list();
    }

    @Override
    public List<User> softMatchCandidates(TenantId tenant, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String[] folded =
                names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return jdbc.sql("""
                        select * from directory_user
                        where tenant_id = ? and not on_premises_sync_enabled and deleted_at is null
                          and on_premises_immutable_id is null
                          and (lower(user_principal_name) = any(?) or lower(mail) = any(?))""")
                .params(tenant.value(), folded, folded)
                .query(JdbcUsers::map)
                .list();
    }

    @Override
    public Optional<User> userNamed(TenantId tenant, String principalName) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and lower(user_principal_name) = lower(?)")
                .params(tenant.value(), principalName)
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Map<String, Group> groupsByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        return byImmutableId(
                "directory_group",
                "o.on_premises_sync_enabled",
                JdbcGroups::map,
                Group::onPremisesImmutableId,
                tenant,
                immutableIds);
    }

    /**
     * Joins the ids as an unnested array, so a batch costs index lookups however large the tenant grows ({@link
     * PageLookups}).
     */
    private <T> Map<String, T> byImmutableId(
            String table,
            String condition,
            RowMapper<T> mapper,
            Function<T, String> immutableId,
            TenantId tenant,
            Collection<String> immutableIds) {
        Map<String, T> found = new HashMap<>();
        if (immutableIds.isEmpty()) {
            return found;
        }
        String[] ids = immutableIds.stream().distinct().toArray(String[]::new);
        PageLookups.run(jdbc, ids.length, () -> jdbc.sql("select o.* from unnest(?::text[]) as t(id) join " + table
                                + " o on o.tenant_id = ? and o.on_premises_immutable_id = t.id where " + condition)
                        .params(ids, tenant.value())
                        .query(mapper)
                        .list())
                .forEach(o -> found.put(immutableId.apply(o), o));
        return found;
    }
}
