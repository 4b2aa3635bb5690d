package org.allot.server.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.UserId;
import org.allot.core.reclaim.ActivitySignals;
import org.allot.core.reclaim.UserActivity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users' activity signals in {@code user_activity}; its {@code disabled_at} is kept by the database's triggers as
 * {@code directory_user.account_enabled} changes (V50).
 */
public final class JdbcActivitySignals implements ActivitySignals {
    private final JdbcClient jdbc;

    public JdbcActivitySignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordSignIns(TenantId tenant, Map<UserId, Instant> lastSignIn) {
        record(tenant, lastSignIn, "last_sign_in_at");
    }

    @Override
    public void recordLogons(TenantId tenant, Map<UserId, Instant> lastLogon) {
        record(tenant, lastLogon, "last_logon_at");
    }

    /** Sets the column of each user, writing no row whose value is the same (a sync reports every logon again). */
    private void record(TenantId tenant, Map<UserId, Instant> times, String column) {
        if (times.isEmpty()) {
            return;
        }
        List<Map.Entry<UserId, Instant>> entries = List.copyOf(times.entrySet());
        jdbc.sql("""
                        insert into user_activity (tenant_id, user_id, COLUMN)
                        select :tenant, t.u, t.at::timestamptz from unnest(:users, :times) as t(u, at)
                        on conflict (tenant_id, user_id) do update set COLUMN = excluded.COLUMN
                        where user_activity.COLUMN is distinct from excluded.COLUMN""".replace("COLUMN", column))
                .param("tenant", tenant.value())
                .param("users", entries.stream().map(e -> e.getKey().value()).toArray(UUID[]::new))
                .param(
                        "times",
                        entries.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                .update();
    }

    @Override
    public Map<UserId, UserActivity> of(TenantId tenant, Collection<UserId> users) {
        Map<UserId, UserActivity> found = new HashMap<>();
        jdbc.sql("""
                        select user_id, last_sign_in_at, last_logon_at, disabled_at from user_activity
                        where tenant_id = ? and user_id = any(?)""")
                .params(tenant.value(), SqlValues.uuidArray(users, UserId::value))
                .query(rs -> {
                    found.put(
                            new UserId(SqlValues.uuid(rs, "user_id")),
                            new UserActivity(
                                    SqlValues.instant(rs, "last_sign_in_at"),
                                    SqlValues.instant(rs, "last_logon_at"),
                                    SqlValues.instant(rs, "disabled_at")));
                });
        return found;
    }
}
