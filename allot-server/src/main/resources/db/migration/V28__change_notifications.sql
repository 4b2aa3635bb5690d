-- Change notifications (Graph's webhooks, docs/api.md#change-notifications): the tenants' subscriptions and the durable
-- outbox their notifications are delivered from (claimed with FOR UPDATE SKIP LOCKED by every server).
create table change_subscription (
    tenant_id                  uuid        not null references tenant (id),
    id                         uuid        not null,
    resource                   text        not null,
    change_types               text        not null,
    notification_url           text        not null,
    lifecycle_notification_url text,
    client_state               text,
    expires_at                 timestamptz not null,
    created_at                 timestamptz not null,
    application_id             text,
    state                      text        not null,
    failing_since              timestamptz,
    primary key (tenant_id, id)
);

-- event_kind/resource_id/change_type/membership: a change; lifecycle_event: a lifecycle notification instead.
create table notification_outbox (
    tenant_id       uuid        not null,
    id              bigserial   not null,
    subscription_id uuid        not null,
    event_kind      text,
    resource_id     uuid,
    change_type     text,
    membership      boolean     not null default false,
    lifecycle_event text,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    state           text        not null,
    last_error      text,
    delivered_at    timestamptz,
    primary key (tenant_id, id)
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where state = 'PENDING';
create index notification_outbox_recent on notification_outbox (tenant_id, id desc);
create index notification_outbox_of_subscription on notification_outbox (tenant_id, subscription_id, id desc);
create index notification_outbox_finished on notification_outbox (created_at) where state <> 'PENDING';
