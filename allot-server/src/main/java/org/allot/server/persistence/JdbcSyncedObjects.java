package org.allot.server.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                            deleted_at is not null as deleted
                        from directory_user
                        where tenant_id = :tenant and on_premises_sync_enabled and on_premises_immutable_id is not null
                        union all
                        select 'GROUP', id, on_premises_immutable_id, display_name, false
                        from directory_group
                        where tenant_id = :tenant and on_premises_sync_enabled and on_premises_immutable_id is not null""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new SyncedRef(
                        ObjectKind.valueOf(rs.getString("kind")),
                        SqlValues.uuid(rs, "id"),
                        rs.getString("on_premises_immutable_id"),
                        rs.getString("name"),
                        rs.getBoolean("deleted")))
                .list();
    }

    @Override
    public Map<String, User> usersByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        return byImmutableId("directory_user", JdbcUsers::map, User::onPremisesImmutableId, tenant, immutableIds);
    }

    @Override
    public Map<String, Group> groupsByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        return byImmutableId("directory_group", JdbcGroups::map, Group::onPremisesImmutableId, tenant, immutableIds);
    }

    /** Joins the ids as an unnested array, so a batch costs index lookups however large the tenant grows. */
    private <T> Map<String, T> byImmutableId(
            String table,
            RowMapper<T> mapper,
            Function<T, String> immutableId,
            TenantId tenant,
            Collection<String> immutableIds) {
        Map<String, T> found = new HashMap<>();
        if (immutableIds.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        "select o.* from unnest(?) as t(id) join " + table
                                + " o on o.tenant_id = ? and o.on_premises_immutable_id = t.id where o.on_premises_sync_enabled")
                .params(immutableIds.stream().distinct().toArray(String[]::new), tenant.value())
                .query(mapper)
                .list()
                .forEach(o -> found.put(immutableId.apply(o), o));
        return found;
    }
}
