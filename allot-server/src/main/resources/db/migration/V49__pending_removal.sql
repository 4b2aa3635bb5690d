-- Grace on removal (docs/license-lifecycle.md, "PendingRemoval"): a removed license can be held for a number of days
-- set per product, during which it stays assigned and its seat counted. The assignment that is held keeps its row,
-- marked with the moment it is freed.
alter table license_assignment add column pending_removal_at timestamptz;

-- The held assignments the scheduled step frees (PendingRemovals.freeDue), earliest first.
create index license_assignment_pending_removal on license_assignment (pending_removal_at)
    where pending_removal_at is not null;

-- The days a product's removals are held; a product without a row frees them at once (0, the default).
create table removal_grace (
    tenant_id uuid not null references tenant (id) on delete cascade,
    sku_id    uuid not null,
    days      int  not null check (days between 1 and 365),
    primary key (tenant_id, sku_id)
);

-- Remembered per tenant like its products and plan rules (V29): every committed change raises the tenant's stamp.
create constraint trigger tenant_stamp_raise after insert or update or delete on removal_grace
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on removal_grace
    for each statement execute function tenant_stamp_mark();
