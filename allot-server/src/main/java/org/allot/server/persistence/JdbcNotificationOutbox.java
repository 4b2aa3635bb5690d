package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeType;
import org.allot.core.notification.NotificationOutbox;
import org.allot.core.notification.OutboxEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox of notifications in {@code notification_outbox}: due entries are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so servers and threads sharing the database never claim the same entry at once, and moved to the end of
 * their lease, so an entry whose deliverer died is claimed again then. The change notifications of a subscription
 * that waits for its reauthorization are set aside by the claim until it no longer waits ({@link OutboxClaims}).
 */
public final class JdbcNotificationOutbox implements NotificationOutbox {
    private static final String COLUMNS = """
            tenant_id, id, subscription_id, event_kind, resource_id, change_type, membership, lifecycle_event,
            created_at, attempts, next_attempt_at, state, last_error, delivered_at, sku_id, source_id, assignment_state,
            assignment_error""";
    private static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;

    public JdbcNotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for all the entries (a bulk change may queue thousands). */
    @Override
    public void add(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        UUID[] tenants = new UUID[n];
        UUID[] subscriptions = new UUID[n];
        String[] kinds = new String[n];
        UUID[] resources = new UUID[n];
        String[] types = new String[n];
        Boolean[] membership = new Boolean[n];
        String[] lifecycle = new String[n];
        String[] created = new String[n];
        UUID[] skus = new UUID[n];
        UUID[] sources = new UUID[n];
        String[] states = new String[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxEntry e = entries.get(i);
            ChangeEvent event = e.event();
            tenants[i] = e.tenant().value();
            subscriptions[i] = e.subscriptionId();
            kinds[i] = event == null ? null : event.kind().name();
            resources[i] = event == null ? null : event.id();
            types[i] = event == null ? null : event.changeType().name();
            membership[i] = event != null && event.membership();
            lifecycle[i] = e.lifecycleEvent();
            created[i] = e.created().toString();
            AssignmentChange assignment = event == null ? null : event.assignment();
            if (assignment != null) {
                skus[i] = assignment.sku();
                sources[i] = assignment.source();
                states[i] = assignment.state();
                errors[i] = assignment.error();
            }
        }
        jdbc.sql("""
                        insert into notification_outbox (tenant_id, subscription_id, event_kind, resource_id,
                            change_type, membership, lifecycle_event, created_at, next_attempt_at, state, sku_id,
                            source_id, assignment_state, assignment_error)
                        select t, s, k, r, c, m, l, at::timestamptz, at::timestamptz, 'PENDING', sku, src, st, err
                        from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::boolean[], ?::text[],
                            ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[])
                            as e (t, s, k, r, c, m, l, at, sku, src, st, err)""")
                .params(
                        tenants,
                        subscriptions,
                        kinds,
                        resources,
                        types,
                        membership,
                        lifecycle,
                        created,
                        skus,
                        sources,
                        states,
                        errors)
                .update();
    }

    /**
     * Due entries, oldest first, but not the changes of a subscription that is paused as {@link
     * org.allot.core.notification.ChangeSubscription#paused} says: asked to reauthorize, not removed, not expired.
     * Those are set aside first, and what was set aside for subscriptions that no longer wait is given back
     * ({@link OutboxClaims}), so the claim reads none of the entries that wait.
     */
    @Override
    public List<OutboxEntry> claim(Instant now, Instant leaseUntil, int limit) {
        jdbc.sql(OutboxClaims.RETURN).param("now", SqlValues.time(now)).update();
        jdbc.sql(OutboxClaims.HOLD).param("now", SqlValues.time(now)).update();
        return jdbc
                .sql(OutboxClaims.due(COLUMNS))
                .param("now", SqlValues.time(now))
                .param("leaseUntil", SqlValues.time(leaseUntil))
                .param("limit", limit)
                .query(JdbcNotificationOutbox::entry)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEntry::id))
                .toList();
    }

    @Override
    public void delivered(OutboxEntry entry, Instant at) {
        jdbc.sql("update notification_outbox set state = 'DELIVERED', delivered_at = ? where tenant_id = ? and id = ?")
                .params(SqlValues.time(at), entry.tenant().value(), entry.id())
                .update();
    }

    @Override
    public void retry(OutboxEntry entry, Instant next, String error) {
        jdbc.sql("""
                        update notification_outbox set next_attempt_at = ?, last_error = ?
                        where tenant_id = ? and id = ? and state = 'PENDING'""")
                .params(SqlValues.time(next), shorten(error), entry.tenant().value(), entry.id())
                .update();
    }

    @Override
    public void release(OutboxEntry entry, Instant at) {
        jdbc.sql("""
                        update notification_outbox set next_attempt_at = ?, attempts = greatest(attempts - 1, 0)
                        where tenant_id = ? and id = ? and state = 'PENDING'""")
                .params(SqlValues.time(at), entry.tenant().value(), entry.id())
                .update();
    }

    @Override
    public void end(OutboxEntry entry, OutboxEntry.State state, String error) {
        jdbc.sql("""
                        update notification_outbox set state = ?, last_error = coalesce(?, last_error)
                        where tenant_id = ? and id = ?""")
                .params(state.name(), shorten(error), entry.tenant().value(), entry.id())
                .update();
    }

    @Override
    public void dropPending(TenantId tenant, UUID subscriptionId, String reason) {
        jdbc.sql("""
                        update notification_outbox set state = 'DROPPED', last_error = ?
                        where tenant_id = ? and subscription_id = ? and state = 'PENDING' and lifecycle_event is null""").params(shorten(reason), tenant.value(), subscriptionId).update();
    }

    @Override
    public List<OutboxEntry> recent(TenantId tenant, UUID subscriptionId, int limit) {
        if (subscriptionId == null) {
            return jdbc.sql("select " + COLUMNS
                            + " from notification_outbox where tenant_id = ? order by id desc limit ?")
                    .params(tenant.value(), limit)
                    .query(JdbcNotificationOutbox::entry)
                    .list();
        }
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from notification_outbox where tenant_id = ? and subscription_id = ? order by id desc limit ?")
                .params(tenant.value(), subscriptionId, limit)
                .query(JdbcNotificationOutbox::entry)
                .list();
    }

    @Override
    public int forget(Instant before) {
        return jdbc.sql("delete from notification_outbox where state <> 'PENDING' and created_at < ?")
                .param(SqlValues.time(before))
                .update();
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("event_kind");
        UUID sku = SqlValues.uuid(rs, "sku_id");
        ChangeEvent event = kind == null
                ? null
                : new ChangeEvent(
                        ChangeEvent.Kind.valueOf(kind),
                        SqlValues.uuid(rs, "resource_id"),
                        ChangeType.valueOf(rs.getString("change_type")),
                        rs.getBoolean("membership"),
                        sku == null
                                ? null
                                : new AssignmentChange(
                                        sku,
                                        SqlValues.uuid(rs, "source_id"),
                                        rs.getString("assignment_state"),
                                        rs.getString("assignment_error")));
        return new OutboxEntry(
                rs.getLong("id"),
                new TenantId(SqlValues.uuid(rs, "tenant_id")),
                SqlValues.uuid(rs, "subscription_id"),
                event,
                rs.getString("lifecycle_event"),
                SqlValues.instant(rs, "created_at"),
                rs.getInt("attempts"),
                SqlValues.instant(rs, "next_attempt_at"),
                OutboxEntry.State.valueOf(rs.getString("state")),
                rs.getString("last_error"),
                SqlValues.instant(rs, "delivered_at"));
    }
}
