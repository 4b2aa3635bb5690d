-- Allot's schema. Every table is keyed by tenant_id first, so a tenant-sharded PostgreSQL can hold it.

create table tenant (
    id                          uuid primary key,
    name                        text        not null,
    verified_domains            text[]      not null,
    default_usage_location      char(2),
    guest_licensing             text        not null,
    nested_group_licensing      boolean     not null,
    soft_delete_retention_days  int         not null,
    sync_delete_threshold       int         not null,
    created_at                  timestamptz not null
);

create table directory_user (
    tenant_id                     uuid        not null references tenant (id),
    id                            uuid        not null,
    user_principal_name           text        not null,
    display_name                  text,
    given_name                    text,
    surname                       text,
    mail                          text,
    mail_nickname                 text,
    department                    text,
    job_title                     text,
    company_name                  text,
    city                          text,
    country                       text,
    employee_id                   text,
    usage_location                char(2),
    user_type                     text        not null,
    account_enabled               boolean     not null,
    on_premises_sync_enabled      boolean     not null,
    on_premises_immutable_id      text,
    on_premises_sam_account_name  text,
    created_at                    timestamptz not null,
    deleted_at                    timestamptz,
    primary key (tenant_id, id)
);
create unique index directory_user_upn on directory_user (tenant_id, lower(user_principal_name));
create index directory_user_deleted on directory_user (tenant_id, deleted_at) where deleted_at is not null;

create table directory_group (
    tenant_id                        uuid        not null references tenant (id),
    id                               uuid        not null,
    display_name                     text        not null,
    mail_nickname                    text,
    description                      text,
    security_enabled                 boolean     not null,
    mail_enabled                     boolean     not null,
    group_types                      text[]      not null,
    membership_rule                  text,
    membership_rule_processing_state text,
    on_premises_sync_enabled         boolean     not null,
    on_premises_immutable_id         text,
    created_at                       timestamptz not null,
    license_priority                 int         not null default 0,
    license_processing_state         text        not null default 'ProcessingComplete',
    primary key (tenant_id, id)
);

create table group_member_user (
    tenant_id uuid not null,
    group_id  uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, group_id, user_id),
    foreign key (tenant_id, group_id) references directory_group (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade
);
create index group_member_user_by_user on group_member_user (tenant_id, user_id);

create table group_member_group (
    tenant_id       uuid not null,
    group_id        uuid not null,
    member_group_id uuid not null,
    primary key (tenant_id, group_id, member_group_id),
    foreign key (tenant_id, group_id) references directory_group (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_group_id) references directory_group (tenant_id, id) on delete cascade
);
create index group_member_group_by_member on group_member_group (tenant_id, member_group_id);

create table group_license (
    tenant_id      uuid        not null,
    group_id       uuid        not null,
    sku_id         uuid        not null,
    disabled_plans uuid[]      not null,
    assigned_at    timestamptz not null,
    primary key (tenant_id, group_id, sku_id),
    foreign key (tenant_id, group_id) references directory_group (tenant_id, id) on delete cascade
);

create table custom_product (
    tenant_id       uuid        not null references tenant (id),
    sku_id          uuid        not null,
    sku_part_number text        not null,
    display_name    text        not null,
    applies_to      text        not null,
    created_at      timestamptz not null,
    primary key (tenant_id, sku_id)
);
create unique index custom_product_part_number on custom_product (tenant_id, lower(sku_part_number));

create table custom_service_plan (
    tenant_id       uuid not null,
    sku_id          uuid not null,
    position        int  not null,
    service_plan_id uuid not null,
    name            text not null,
    display_name    text not null,
    applies_to      text not null,
    primary key (tenant_id, sku_id, service_plan_id),
    foreign key (tenant_id, sku_id) references custom_product (tenant_id, sku_id) on delete cascade
);

create table plan_rule (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    kind            text        not null,
    service_plan_id uuid        not null,
    plans           uuid[]      not null,
    locations       text[]      not null,
    note            text,
    created_at      timestamptz not null,
    primary key (tenant_id, id)
);

create table subscription (
    tenant_id          uuid        not null references tenant (id),
    id                 uuid        not null,
    sku_id             uuid        not null,
    total_licenses     int         not null check (total_licenses >= 0),
    status             text        not null,
    is_trial           boolean     not null,
    created_at         timestamptz not null,
    next_lifecycle_at  timestamptz,
    primary key (tenant_id, id)
);
create index subscription_by_sku on subscription (tenant_id, sku_id);

-- The seat figures of each SKU: the row every seat-changing unit of work locks.
create table seat_count (
    tenant_id  uuid not null references tenant (id),
    sku_id     uuid not null,
    enabled    int  not null default 0,
    warning    int  not null default 0,
    suspended  int  not null default 0,
    locked_out int  not null default 0,
    consumed   int  not null default 0 check (consumed >= 0),
    waiting    int  not null default 0 check (waiting >= 0),
    primary key (tenant_id, sku_id)
);

-- One row per (user, SKU, source); source_group_id is the nil UUID for a direct assignment.
create table license_assignment (
    tenant_id       uuid        not null,
    user_id         uuid        not null,
    sku_id          uuid        not null,
    source_group_id uuid        not null,
    disabled_plans  uuid[]      not null,
    state           text        not null,
    error           text,
    reason          text,
    requested_at    timestamptz not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, user_id, sku_id, source_group_id),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade
);
create index license_assignment_by_source on license_assignment (tenant_id, source_group_id, user_id);
create index license_assignment_by_sku on license_assignment (tenant_id, sku_id, user_id);
create index license_assignment_waiting on license_assignment (tenant_id, sku_id) where error = 'CountViolation';

create table audit_event (
    tenant_id      uuid        not null,
    id             uuid        not null,
    occurred_at    timestamptz not null,
    activity       text        not null,
    category       text        not null,
    actor_kind     text        not null,
    actor_id       text        not null,
    actor_name     text        not null,
    target_type    text        not null,
    target_id      text        not null,
    target_name    text,
    targets        jsonb       not null,
    changes        jsonb       not null,
    correlation_id text        not null,
    result         text        not null,
    primary key (tenant_id, id)
);
create index audit_event_by_time on audit_event (tenant_id, occurred_at desc, id);
create index audit_event_by_target on audit_event (tenant_id, target_id, occurred_at desc);

-- Durable background work: claimed with FOR UPDATE SKIP LOCKED, leased, resumable from its cursor.
create table license_job (
    tenant_id        uuid        not null,
    id               bigserial   not null,
    kind             text        not null,
    target_id        uuid        not null,
    state            text        not null,
    rerun            boolean     not null default false,
    started          boolean     not null default false,
    cursor_user_id   uuid,
    processed        int         not null default 0,
    succeeded        int         not null default 0,
    failed           int         not null default 0,
    attempts         int         not null default 0,
    lease_owner      uuid,
    lease_expires_at timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    primary key (tenant_id, id)
);
create unique index license_job_one_pending on license_job (tenant_id, kind, target_id) where state in ('QUEUED', 'RUNNING');
create index license_job_claimable on license_job (created_at, id) where state in ('QUEUED', 'RUNNING');
