package org.allot.server.persistence;

import java.time.Instant;
import java.util.List;
import org.allot.core.TenantId;
import org.allot.core.notification.RelayPositions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Change notifications' positions in the tenants' change logs, in {@code notification_relay}: a position is a
 * PostgreSQL snapshot, as delta tokens carry (see {@link JdbcDirectoryChanges}).
 */
public final class JdbcRelayPositions implements RelayPositions {
    private final JdbcClient jdbc;

    public JdbcRelayPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(TenantId tenant) {
        jdbc.sql("""
                        insert into notification_relay (tenant_id, position, relayed_at)
                        values (?, pg_current_snapshot()::text, now()) on conflict (tenant_id) do nothing""").param(tenant.value()).update();
    }

    @Override
    public List<Position> claim(int limit) {
        return jdbc.sql("""
                        select tenant_id, position from notification_relay
                        order by relayed_at limit ? for update skip locked""")
                .param(limit)
                .query((rs, row) ->
                        new Position(new TenantId(SqlValues.uuid(rs, "tenant_id")), rs.getString("position")))
                .list();
    }

    @Override
    public void advance(TenantId tenant, String position, Instant at) {
        jdbc.sql("update notification_relay set position = ?, relayed_at = ? where tenant_id = ?")
                .params(position, SqlValues.time(at), tenant.value())
                .update();
    }

    /**
     * One statement, so that a subscription committed meanwhile keeps the row: its own {@code start} either sees the
     * row or waits for this deletion to commit and then inserts a new one.
     */
    @Override
    public void stopUnlessSubscribed(TenantId tenant, Instant now) {
        jdbc.sql("""
                        delete from notification_relay r where r.tenant_id = ? and not exists (
                            select 1 from change_subscription s
                            where s.tenant_id = r.tenant_id and s.state <> 'REMOVED' and s.expires_at > ?)""").params(tenant.value(), SqlValues.time(now)).update();
    }
}
