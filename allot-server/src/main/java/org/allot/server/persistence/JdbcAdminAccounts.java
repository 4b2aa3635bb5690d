package org.allot.server.persistence;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.server.security.store.AdminAccount;
import org.allot.server.security.store.Role;
import org.allot.server.security.store.StoredAdminAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People who sign in to the admin center, with hashed passwords and one role each. */
public final class JdbcAdminAccounts implements StoredAdminAccounts {
    private final JdbcClient jdbc;

    public JdbcAdminAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AdminAccount> find(String username) {
        return jdbc.sql("select * from admin_account where lower(username) = lower(?)")
                .param(username)
                .query((rs, i) -> map(rs))
                .optional();
    }

    @Override
    public boolean any(TenantId tenant) {
        return jdbc.sql("select count(*) from admin_account where tenant_id = ?")
                        .param(tenant.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void add(AdminAccount account) {
        jdbc.sql("""
                        insert into admin_account (tenant_id, username, display_name, password_hash, role, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        account.tenant().value(),
                        account.username(),
                        account.displayName(),
                        account.passwordHash(),
                        account.role().name(),
                        account.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public List<AdminAccount> of(TenantId tenant) {
        return jdbc.sql("select * from admin_account where tenant_id = ? order by lower(username)")
                .param(tenant.value())
                .query((rs, i) -> map(rs))
                .list();
    }

    @Override
    public boolean changeRole(TenantId tenant, String username, Role role) {
        return jdbc.sql("update admin_account set role = ? where tenant_id = ? and lower(username) = lower(?)")
                        .params(role.name(), tenant.value(), username)
                        .update()
                > 0;
    }

    @Override
    public void replacePasswordHash(String username, String passwordHash) {
        jdbc.sql("update admin_account set password_hash = ? where lower(username) = lower(?)")
                .params(passwordHash, username)
                .update();
    }

    @Override
    public boolean remove(TenantId tenant, String username) {
        return jdbc.sql("delete from admin_account where tenant_id = ? and lower(username) = lower(?)")
                        .params(tenant.value(), username)
                        .update()
                > 0;
    }

    private static AdminAccount map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AdminAccount(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
