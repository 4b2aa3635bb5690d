-- Alerts (docs/alerts.md). A tenant's own alert rules, when it has set them (otherwise: subscriptions expiring within
-- 30 days and lapsed ones alerted, free seats and waiting lists not).
create table alert_rules (
    tenant_id            uuid    primary key references tenant (id),
    expiring_within_days int     not null check (expiring_within_days between 0 and 3650),
    lapsed               boolean not null,
    free_seats_below     int     not null check (free_seats_below between 0 and 10000000),
    waiting_at_least     int     not null check (waiting_at_least between 0 and 10000000)
);

-- Alerts raised by the scheduled watch, open until resolved_at; at most one open per tenant, kind and subject (a
-- product or a subscription), so a watch on several servers at once cannot raise one twice. The figures are those of
-- when it was raised.
create table alert (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    kind        text        not null,
    subject_id  uuid        not null,
    sku_id      uuid        not null,
    product     text        not null,
    figure      int         not null,
    threshold   int         not null,
    due_at      timestamptz,
    raised_at   timestamptz not null,
    resolved_at timestamptz,
    primary key (tenant_id, id)
);
create unique index alert_open on alert (tenant_id, kind, subject_id) where resolved_at is null;
create index alert_recent on alert (tenant_id, raised_at desc);
