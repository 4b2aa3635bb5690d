-- Subscriptions with terms (docs/license-lifecycle.md): when a subscription starts and ends, whether it renews by
-- itself, and what a seat costs per month in which currency (ISO 4217). Existing subscriptions have no end date, so
-- they keep their status until an administrator changes it, as before.
alter table subscription
    add column start_at   timestamptz,
    add column end_at     timestamptz,
    add column auto_renew boolean not null default false,
    add column unit_price numeric(16, 4) check (unit_price >= 0),
    add column currency   text check (currency ~ '^[A-Z]{3}$'),
    add constraint subscription_term check (end_at is null or start_at is null or end_at > start_at),
    add constraint subscription_price check ((unit_price is null) = (currency is null));

-- The subscriptions the calendar moves (SubscriptionCalendar), earliest move first.
create index subscription_lifecycle_due on subscription (next_lifecycle_at)
    where status <> 'Deleted' and end_at is not null and not auto_renew;
