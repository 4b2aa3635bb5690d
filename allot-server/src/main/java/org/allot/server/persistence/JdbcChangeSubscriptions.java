package org.allot.server.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeSubscriptions;
import org.allot.core.notification.ChangeType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Change subscriptions in {@code change_subscription}. */
public final class JdbcChangeSubscriptions implements ChangeSubscriptions {
    private static final String COLUMNS = """
            tenant_id, id, resource, change_types, notification_url, lifecycle_notification_url, client_state,
            expires_at, created_at, application_id, state, failing_since, reauthorize_requested_at,
            expiry_challenged_for""";

    private final JdbcClient jdbc;

    public JdbcChangeSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ChangeSubscription s) {
        jdbc.sql("insert into change_subscription (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.tenant().value(),
                        s.id(),
                        s.resource(),
                        s.changeTypeText(),
                        s.notificationUrl().toString(),
                        s.lifecycleNotificationUrl() == null
                                ? null
                                : s.lifecycleNotificationUrl().toString(),
                        s.clientState(),
                        SqlValues.time(s.expiration()),
                        SqlValues.time(s.created()),
                        s.applicationId(),
                        s.state().name(),
                        SqlValues.time(s.failingSince()),
                        SqlValues.time(s.reauthorizeRequested()),
                        SqlValues.time(s.expiryChallengedFor()))
                .update();
    }

    @Override
    public Optional<ChangeSubscription> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from change_subscription where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(JdbcChangeSubscriptions::subscription)
                .optional();
    }

    @Override
    public Optional<ChangeSubscription> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from change_subscription where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(JdbcChangeSubscriptions::subscription)
                .optional();
    }

    @Override
    public List<ChangeSubscription> all(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from change_subscription where tenant_id = ? order by created_at, id")
                .param(tenant.value())
                .query(JdbcChangeSubscriptions::subscription)
                .list();
    }

    /** Read from the database: only the relay reads them, once per turn (never remembered, see V37). */
    @Override
    public List<ChangeSubscription> live(TenantId tenant, Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from change_subscription where tenant_id = ? and state <> 'REMOVED' and expires_at > ?")
                .params(tenant.value(), SqlValues.time(now))
                .query(JdbcChangeSubscriptions::subscription)
                .list();
    }

    @Override
    public List<ChangeSubscription> expiringUnchallenged(Instant now, Instant by, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from change_subscription
                        where lifecycle_notification_url is not null and state <> 'REMOVED'
                        and expires_at > ? and expires_at <= ? and expiry_challenged_for is distinct from expires_at
                        order by expires_at limit ? for update skip locked""")
                .params(SqlValues.time(now), SqlValues.time(by), limit)
                .query(JdbcChangeSubscriptions::subscription)
                .list();
    }

    @Override
    public List<ChangeSubscription> ofApplication(TenantId tenant, String applicationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from change_subscription where tenant_id = ? and application_id = ?"
                        + " order by created_at, id for update")
                .params(tenant.value(), applicationId)
                .query(JdbcChangeSubscriptions::subscription)
                .list();
    }

    @Override
    public void update(ChangeSubscription s) {
        jdbc.sql("""
                        update change_subscription set expires_at = ?, state = ?, failing_since = ?,
                            reauthorize_requested_at = ?, expiry_challenged_for = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        SqlValues.time(s.expiration()),
                        s.state().name(),
                        SqlValues.time(s.failingSince()),
                        SqlValues.time(s.reauthorizeRequested()),
                        SqlValues.time(s.expiryChallengedFor()),
                        s.tenant().value(),
                        s.id())
                .update();
    }

    @Override
    public void remove(TenantId tenant, UUID id) {
        jdbc.sql("delete from change_subscription where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
    }

    @Override
    public int forget(Instant before) {
        return jdbc.sql("""
                        delete from change_subscription
                        where expires_at < ? or (state = 'REMOVED' and failing_since < ?)""")
                .params(SqlValues.time(before), SqlValues.time(before))
                .update();
    }

    @Override
    public int count(TenantId tenant, Instant now) {
        return jdbc.sql("select count(*) from change_subscription where tenant_id = ? and expires_at > ?")
                .params(tenant.value(), SqlValues.time(now))
                .query(Integer.class)
                .single();
    }

    private static ChangeSubscription subscription(ResultSet rs, int row) throws SQLException {
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        Arrays.stream(rs.getString("change_types").split(","))
                .map(ChangeType::ofWireName)
                .forEach(t -> t.ifPresent(types::add));
        String lifecycle = rs.getString("lifecycle_notification_url");
        return new ChangeSubscription(
                SqlValues.uuid(rs, "id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                rs.getString("resource"),
                types,
                URI.create(rs.getString("notification_url")),
                lifecycle == null ? null : URI.create(lifecycle),
                rs.getString("client_state"),
                SqlValues.instant(rs, "expires_at"),
                SqlValues.instant(rs, "created_at"),
                rs.getString("application_id"),
                ChangeSubscription.State.valueOf(rs.getString("state")),
                SqlValues.instant(rs, "failing_since"),
                SqlValues.instant(rs, "reauthorize_requested_at"),
                SqlValues.instant(rs, "expiry_challenged_for"));
    }
}
