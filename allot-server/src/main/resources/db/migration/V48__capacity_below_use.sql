-- Capacity below use (docs/license-lifecycle.md). A tenant's own lifecycle periods, in days, when it has set them
-- (otherwise 30 days Warning, 90 days Suspended, 30 days of overage grace).
create table tenant_lifecycle (
    tenant_id          uuid primary key references tenant (id),
    warning_days       int not null check (warning_days between 0 and 3650),
    suspended_days     int not null check (suspended_days between 0 and 3650),
    overage_grace_days int not null check (overage_grace_days between 0 and 3650)
);

-- Since when a product's seats have been below use after seats were lowered: the overage grace period's clock
-- (OverageClocks). A row only while the product holds users beyond its capacity; changed under its seat lock.
create table seat_overage (
    tenant_id uuid        not null references tenant (id),
    sku_id    uuid        not null,
    since     timestamptz not null,
    primary key (tenant_id, sku_id)
);

