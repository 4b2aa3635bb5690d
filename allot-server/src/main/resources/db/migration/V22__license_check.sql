-- The license check (docs/license-check.md): its runs, at most one queued or running per tenant, and what each found.
create table license_check_run (
    tenant_id            uuid        not null references tenant (id),
    id                   uuid        not null,
    dry_run              boolean     not null,
    state                text        not null,
    requested_by_kind    text        not null,
    requested_by_id      text        not null,
    requested_by_name    text        not null,
    requested_at         timestamptz not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    users_checked        int         not null default 0,
    differences_found    int         not null default 0,
    differences_repaired int         not null default 0,
    message              text,
    primary key (tenant_id, id)
);
create unique index license_check_run_one_under_way on license_check_run (tenant_id)
    where state in ('Queued', 'Running');
create index license_check_run_recent on license_check_run (tenant_id, requested_at desc, id);

-- source_group_id: the nil UUID for a direct assignment, null for a difference of seat figures.
create table license_check_difference (
    tenant_id           uuid      not null,
    run_id              uuid      not null,
    id                  bigserial not null,
    kind                text      not null,
    user_id             uuid,
    user_principal_name text,
    sku_id              uuid      not null,
    source_group_id     uuid,
    expected            text      not null,
    stored              text      not null,
    repaired            boolean   not null,
    primary key (tenant_id, run_id, id),
    foreign key (tenant_id, run_id) references license_check_run (tenant_id, id) on delete cascade
);
