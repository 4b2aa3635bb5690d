package org.allot.server.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.Managers;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users' managers in {@code user_manager}; purging a user removes its links (foreign keys, on delete cascade). */
public final class JdbcManagers implements Managers {
    private final JdbcClient jdbc;

    public JdbcManagers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserId> of(TenantId tenant, UserId user) {
        return jdbc.sql("select manager_id from user_manager where tenant_id = ? and user_id = ?")
                .params(tenant.value(), user.value())
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "manager_id")))
                .optional();
    }

    @Override
    public Map<UserId, UserId> ofAll(TenantId tenant, Collection<UserId> users) {
        Map<UserId, UserId> found = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return found;
        }
        jdbc.sql("select user_id, manager_id from user_manager where tenant_id = ? and user_id = any(?)")
                .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                .query(rs -> {
                    found.put(new UserId(SqlValues.uuid(rs, "user_id")), new UserId(SqlValues.uuid(rs, "manager_id")));
                });
        return found;
    }

    @Override
    public void set(TenantId tenant, UserId user, UserId manager) {
        if (manager == null) {
            jdbc.sql("delete from user_manager where tenant_id = ? and user_id = ?")
                    .params(tenant.value(), user.value())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into user_manager (tenant_id, user_id, manager_id) values (?, ?, ?)
                        on conflict (tenant_id, user_id) do update set manager_id = excluded.manager_id""").params(tenant.value(), user.value(), manager.value()).update();
    }
}
