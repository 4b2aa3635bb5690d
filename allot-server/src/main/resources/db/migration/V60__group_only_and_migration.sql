-- The group-only policy (docs/delegation.md): products whose direct assignment is forbidden. sku_id is the nil UUID
-- for the whole tenant (every product). A product without a row, in a tenant without the nil row, may be assigned
-- directly.
create table group_only_policy (
    tenant_id uuid not null references tenant (id) on delete cascade,
    sku_id    uuid not null,
    primary key (tenant_id, sku_id)
);

-- Remembered per tenant like its removal grace (V49): every committed change raises the tenant's stamp.
create constraint trigger tenant_stamp_raise after insert or update or delete on group_only_policy
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on group_only_policy
    for each statement execute function tenant_stamp_mark();

-- Runs of the direct -> group migration assistant: one product's direct holders moved to group licensing by a
-- background job (license_job kind MIGRATE, target the run's id). group_id null: the groups they inherit it from.
create table license_migration (
    tenant_id            uuid        not null references tenant (id) on delete cascade,
    id                   uuid        not null,
    sku_id               uuid        not null,
    group_id             uuid,
    accept_plan_changes  boolean     not null,
    state                text        not null,
    requested_by_kind    text        not null,
    requested_by_id      text        not null,
    requested_by_name    text        not null,
    requested_at         timestamptz not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    moved                int         not null default 0,
    joined               int         not null default 0,
    kept                 int         not null default 0,
    primary key (tenant_id, id)
);
create index license_migration_recent on license_migration (tenant_id, requested_at desc, id);

-- What a run did with each user, in the order it did it.
create table license_migration_user (
    tenant_id           uuid    not null,
    migration_id        uuid    not null,
    seq                 bigserial not null,
    user_id             uuid    not null,
    user_principal_name text,
    moved               boolean not null,
    joined              boolean not null,
    reason              text,
    primary key (tenant_id, migration_id, seq),
    foreign key (tenant_id, migration_id) references license_migration (tenant_id, id) on delete cascade
);
