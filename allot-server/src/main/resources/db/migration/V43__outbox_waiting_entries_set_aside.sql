-- The change notifications of a subscription that waits for its reauthorization (ChangeSubscription.paused) are set
-- aside (held) by the claim, out of the index due entries are claimed from, so that each claim no longer reads past
-- them; the claim takes them back once the subscription is reauthorized, renewed, expired, removed or deleted
-- (OutboxClaims). Held entries stay PENDING, unsent and uncounted.
alter table notification_outbox add column held boolean not null default false;

drop index notification_outbox_due;
create index notification_outbox_due on notification_outbox (next_attempt_at, id) where state = 'PENDING' and not held;
-- what is still to set aside for a subscription that waits, and the subscriptions whose entries are set aside
create index notification_outbox_to_hold on notification_outbox (tenant_id, subscription_id)
    where state = 'PENDING' and not held and lifecycle_event is null;
create index notification_outbox_held on notification_outbox (tenant_id, subscription_id)
    where state = 'PENDING' and held;
-- the subscriptions asked to reauthorize
create index change_subscription_reauthorizing on change_subscription (tenant_id, id)
    where reauthorize_requested_at is not null and state <> 'REMOVED';
