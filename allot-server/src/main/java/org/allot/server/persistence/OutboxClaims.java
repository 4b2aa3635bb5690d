package org.allot.server.persistence;

/**
 * The statements of an outbox claim ({@link JdbcNotificationOutbox#claim}). The change notifications of a subscription
 * that waits for its reauthorization ({@link org.allot.core.notification.ChangeSubscription#paused}: asked, not removed,
 * not expired) are set aside ({@code held}) out of the index due entries are read from, so a claim does not read past
 * them however many wait: {@link #RETURN} gives back what is held for subscriptions that no longer wait (reauthorized,
 * renewed, expired, removed or deleted), reading one index entry per such subscription; {@link #HOLD} sets aside what
 * arrived for those that wait, reading only that (each subscription's entries in a subquery of its own, locked
 * there, which the planner cannot merge into a scan of every pending entry); {@link #DUE} then claims due entries that are not held, still
 * skipping what arrived for a waiting subscription since {@link #HOLD} looked. Each statement skips rows another
 * transaction holds, so claims running at once neither wait for nor deadlock with each other; what one leaves behind
 * the next claim does. Held entries stay {@code PENDING}, unsent and uncounted. Parameters: {@code :now},
 * {@code :leaseUntil}, {@code :limit}.
 */
final class OutboxClaims {
    /** Whether the subscription {@code s} waits for its reauthorization at {@code :now}. */
    private static final String WAITS =
            "s.reauthorize_requested_at is not null and s.state <> 'REMOVED' and s.expires_at > :now";

    /**
     * The held entries of subscriptions that no longer wait: the subscriptions with held entries are listed by a
     * loose scan of {@code notification_outbox_held} (one index probe each), not by reading every held entry, and
     * only the entries of those that no longer wait are read.
     */
    static final String RETURN = """
            with recursive holding (tenant_id, subscription_id) as (
                (select tenant_id, subscription_id from notification_outbox
                 where state = 'PENDING' and held order by tenant_id, subscription_id limit 1)
                union all
                select n.tenant_id, n.subscription_id from holding h, lateral (
                    select o.tenant_id, o.subscription_id from notification_outbox o
                    where o.state = 'PENDING' and o.held
                    and (o.tenant_id, o.subscription_id) > (h.tenant_id, h.subscription_id)
                    order by o.tenant_id, o.subscription_id limit 1) n)
            , back_to (tenant_id, subscription_id) as materialized (
                select h.tenant_id, h.subscription_id from holding h
                where not exists (select 1 from change_subscription s
                                  where s.tenant_id = h.tenant_id and s.id = h.subscription_id and {waits}))
            update notification_outbox o set held = false
            from (select e.tenant_id, e.id from back_to b, lateral (
                      select e.tenant_id, e.id from notification_outbox e
                      where e.tenant_id = b.tenant_id and e.subscription_id = b.subscription_id
                      and e.state = 'PENDING' and e.held
                      for update skip locked) e) back
            where o.tenant_id = back.tenant_id and o.id = back.id""".replace("{waits}", WAITS);

    /** The change notifications, not yet held, of the subscriptions that wait. */
    static final String HOLD = """
            update notification_outbox o set held = true
            from (select e.tenant_id, e.id from change_subscription s, lateral (
                      select e.tenant_id, e.id from notification_outbox e
                      where e.tenant_id = s.tenant_id and e.subscription_id = s.id
                      and e.state = 'PENDING' and not e.held and e.lifecycle_event is null
                      for update skip locked) e
                  where {waits}) aside
            where o.tenant_id = aside.tenant_id and o.id = aside.id""".replace("{waits}", WAITS);

    /** The due entries, oldest first, that are not held, each counted an attempt and moved to the end of the lease. */
    static final String DUE = """
            update notification_outbox o set attempts = o.attempts + 1, next_attempt_at = :leaseUntil
            from (select e.tenant_id, e.id from notification_outbox e
                  where e.state = 'PENDING' and not e.held and e.next_attempt_at <= :now
                  and (e.lifecycle_event is not null or not exists (select 1 from change_subscription s
                       where s.tenant_id = e.tenant_id and s.id = e.subscription_id and {waits}))
                  order by e.next_attempt_at, e.id limit :limit
                  for update of e skip locked) due
            where o.tenant_id = due.tenant_id and o.id = due.id
            returning {columns}""".replace("{waits}", WAITS);

    private OutboxClaims() {}

    /** {@link #DUE} returning the columns, each of {@code o}. */
    static String due(String columns) {
        return DUE.replace("{columns}", columns.replaceAll("(\\w+)", "o.$1"));
    }
}
