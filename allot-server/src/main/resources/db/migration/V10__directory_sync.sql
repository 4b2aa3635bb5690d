-- Directory sync (hybrid identity): each tenant's connector with the checkpoint of its last complete run, the runs,
-- their object errors, and the deletions a blocked run holds back. Every table is keyed by tenant_id first.

create table sync_connector (
    tenant_id             uuid        not null references tenant (id),
    url                   text        not null,
    start_tls             boolean     not null,
    trusted_certificate   text,
    bind_dn               text,
    sealed_password       text,
    base_dns              text[]      not null,
    user_filter           text        not null,
    group_filter          text        not null,
    preset                text        not null,
    mapping_overrides     jsonb       not null,
    enabled               boolean     not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    watermark_strategy    text,
    watermark_value       text,
    watermark_server      text,
    settings_fingerprint  text,
    last_full_sync_at     timestamptz,
    run_requested_at      timestamptz,
    run_requested_by      text,
    last_run_started_at   timestamptz,
    primary key (tenant_id)
);

create table sync_run (
    tenant_id          uuid        not null references tenant (id),
    id                 uuid        not null,
    trigger            text        not null,
    mode               text,
    state              text        not null,
    started_at         timestamptz not null,
    finished_at        timestamptz,
    added              int         not null default 0,
    updated            int         not null default 0,
    deleted            int         not null default 0,
    unchanged          int         not null default 0,
    errors             int         not null default 0,
    pending_deletions  int         not null default 0,
    message            text,
    requested_by       text        not null,
    primary key (tenant_id, id)
);
create index sync_run_recent on sync_run (tenant_id, started_at desc);
create index sync_run_open on sync_run (tenant_id, state) where state in ('RUNNING', 'BLOCKED');

create table sync_run_error (
    tenant_id     uuid not null,
    run_id        uuid not null,
    position      int  not null,
    object_kind   text not null,
    object        text not null,
    immutable_id  text,
    message       text not null,
    primary key (tenant_id, run_id, position),
    foreign key (tenant_id, run_id) references sync_run (tenant_id, id) on delete cascade
);

create table sync_pending_deletion (
    tenant_id     uuid not null,
    run_id        uuid not null,
    object_kind   text not null,
    object_id     uuid not null,
    immutable_id  text not null,
    display_name  text,
    primary key (tenant_id, run_id, object_kind, object_id),
    foreign key (tenant_id, run_id) references sync_run (tenant_id, id) on delete cascade
);

-- Synced objects are found by immutable id, which identifies one object per tenant.
create unique index directory_user_immutable_id on directory_user (tenant_id, on_premises_immutable_id)
    where on_premises_immutable_id is not null;
create unique index directory_group_immutable_id on directory_group (tenant_id, on_premises_immutable_id)
    where on_premises_immutable_id is not null;
