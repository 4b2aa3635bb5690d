-- The usage history of each product (docs/license-lifecycle.md, "Costs and reports"): one snapshot of its seat
-- figures per tenant, day (UTC) and product, kept by a scheduled step on every server; the first kept wins (insert
-- ... on conflict do nothing), so the step is idempotent and safe on several servers at once. `reclaimable` stays
-- null until reclaim policies fill it.
create table usage_snapshot (
    tenant_id   uuid        not null references tenant (id),
    day         date        not null,
    sku_id      uuid        not null,
    seats       integer     not null check (seats >= 0),
    assigned    integer     not null check (assigned >= 0),
    available   integer     not null check (available >= 0),
    waiting     integer     not null check (waiting >= 0),
    reclaimable integer     check (reclaimable >= 0),
    taken_at    timestamptz not null,
    primary key (tenant_id, day, sku_id)
);
create index usage_snapshot_by_sku on usage_snapshot (tenant_id, sku_id, day);
