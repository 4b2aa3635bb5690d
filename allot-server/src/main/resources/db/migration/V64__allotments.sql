-- Allotments (issue 19): a SKU's seats split into pools with a hard cap, each owned by an administrative unit or a
-- group, in an order per SKU. The definitions change rarely and are remembered by each server (the tenant's stamp is
-- raised on every change, like the administrative units' in V63); the figures live apart in allotment_count, locked
-- right after the SKU's seat_count row (the lock order's seat level) and never stamped.
create table allotment (
    tenant_id    uuid not null references tenant (id),
    id           uuid not null,
    sku_id       uuid not null,
    display_name text not null,
    owner_kind   text not null check (owner_kind in ('UNIT', 'GROUP')),
    owner_id     uuid not null,
    cap          int  not null check (cap >= 0),
    position     int  not null check (position >= 1),
    primary key (tenant_id, id),
    unique (tenant_id, sku_id, owner_kind, owner_id)
);

create table allotment_count (
    tenant_id    uuid not null,
    allotment_id uuid not null,
    sku_id       uuid not null,
    consumed     int  not null default 0 check (consumed >= 0),
    waiting      int  not null default 0 check (waiting >= 0),
    primary key (tenant_id, allotment_id),
    foreign key (tenant_id, allotment_id) references allotment (tenant_id, id) on delete cascade
);
create index allotment_count_sku on allotment_count (tenant_id, sku_id, allotment_id);

-- The pool a group's license assignment names: its members draw from it first (issue 19, "Which pool").
create table group_license_allotment (
    tenant_id    uuid not null,
    group_id     uuid not null,
    sku_id       uuid not null,
    allotment_id uuid not null,
    primary key (tenant_id, group_id, sku_id),
    foreign key (tenant_id, group_id, sku_id) references group_license (tenant_id, group_id, sku_id) on delete cascade,
    foreign key (tenant_id, allotment_id) references allotment (tenant_id, id) on delete cascade
);

-- The pool each assignment that holds or waits for a seat draws from (null: the remainder).
alter table license_assignment add column allotment_id uuid;

create constraint trigger tenant_stamp_raise after insert or update or delete on allotment
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on allotment
    for each statement execute function tenant_stamp_mark();
create constraint trigger tenant_stamp_raise after insert or update or delete on group_license_allotment
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on group_license_allotment
    for each statement execute function tenant_stamp_mark();
