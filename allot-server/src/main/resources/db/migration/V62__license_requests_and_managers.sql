-- Each user's manager (Graph's /users/{id}/manager): another user of the tenant. Purging either removes the link.
create table user_manager (
    tenant_id  uuid not null,
    user_id    uuid not null,
    manager_id uuid not null,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade,
    foreign key (tenant_id, manager_id) references directory_user (tenant_id, id) on delete cascade
);
create index user_manager_reports on user_manager (tenant_id, manager_id);

-- License requests (docs/delegation.md#license-requests): filed for a user, with the user's manager at filing time;
-- pending until approved, denied, expired or cancelled. The user's principal name and the product's name are kept
-- as they were, so a request outlives a purged user. At most one pending request per user and product.
create table license_request (
    tenant_id            uuid        not null references tenant (id),
    id                   uuid        not null,
    user_id              uuid        not null,
    user_principal_name  text        not null,
    sku_id               uuid        not null,
    product_name         text        not null,
    plans                uuid[]      not null,
    justification        text        not null,
    wanted_start         timestamptz,
    wanted_end           timestamptz,
    filed_by_kind        text        not null,
    filed_by_id          text        not null,
    filed_by_name        text        not null,
    filed_at             timestamptz not null,
    manager_id           uuid,
    state                text        not null
        check (state in ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'CANCELLED')),
    decided_by_kind      text,
    decided_by_id        text,
    decided_by_name      text,
    on_behalf_of_manager boolean     not null default false,
    decided_at           timestamptz,
    reason               text,
    -- what an approval granted: a direct assignment, or a membership of grant_group_id; the plans and period granted
    granted              boolean     not null default false,
    grant_group_id       uuid,
    granted_plans        uuid[],
    grant_start          timestamptz,
    grant_end            timestamptz,
    primary key (tenant_id, id),
    check ((state = 'PENDING') = (decided_at is null)),
    check ((state = 'APPROVED') = granted)
);
create unique index license_request_one_pending on license_request (tenant_id, user_id, sku_id) where state = 'PENDING';
create index license_request_recent on license_request (tenant_id, filed_at desc);

-- How many days a tenant's pending requests wait before they expire, when it set its own (otherwise 14).
create table license_request_settings (
    tenant_id         uuid primary key references tenant (id),
    expire_after_days int  not null check (expire_after_days between 1 and 365)
);
