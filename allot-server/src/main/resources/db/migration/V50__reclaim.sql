-- Reclaim of unused licenses (docs/license-lifecycle.md, "Reclaim").

-- What is known of a user's use of their account: the last sign-in (set through /allot/v1 or imported), the last
-- logon an on-premises directory reports (lastLogonTimestamp, read by directory sync), and since when the account is
-- disabled (kept by the triggers below, whoever disables it: the API, the admin center, directory sync).
create table user_activity (
    tenant_id       uuid not null,
    user_id         uuid not null,
    last_sign_in_at timestamptz,
    last_logon_at   timestamptz,
    disabled_at     timestamptz,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade
);

-- Accounts disabled before this migration count as disabled from now on.
insert into user_activity (tenant_id, user_id, disabled_at)
select tenant_id, id, now() from directory_user where not account_enabled;

create function user_activity_disabled() returns trigger language plpgsql as $$
begin
    if new.account_enabled then
        update user_activity set disabled_at = null where tenant_id = new.tenant_id and user_id = new.id;
    else
        insert into user_activity (tenant_id, user_id, disabled_at) values (new.tenant_id, new.id, now())
        on conflict (tenant_id, user_id) do update set disabled_at = now();
    end if;
    return null;
end $$;

-- Only rows whose account_enabled changes (or new disabled ones) fire: bulk imports of enabled users pay nothing.
create trigger user_activity_disabled_on_insert after insert on directory_user
    for each row when (not new.account_enabled) execute function user_activity_disabled();
create trigger user_activity_disabled_on_update after update of account_enabled on directory_user
    for each row when (old.account_enabled is distinct from new.account_enabled)
    execute function user_activity_disabled();

-- One policy per product: list holders inactive or disabled for some days, with exemptions.
create table reclaim_policy (
    tenant_id      uuid        not null references tenant (id),
    sku_id         uuid        not null,
    inactive_days  integer check (inactive_days between 1 and 3650),
    disabled_days  integer check (disabled_days between 0 and 3650),
    recent_days    integer     not null check (recent_days between 0 and 3650),
    exempt_users   uuid[]      not null,
    exempt_groups  uuid[]      not null,
    mode           text        not null check (mode in ('ReportOnly', 'Act')),
    primary key (tenant_id, sku_id),
    check (inactive_days is not null or disabled_days is not null)
);

-- Every run's report, kept before anything is removed; a scheduled run takes its tenant's slot of the day once.
create table reclaim_run (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    ran_at     timestamptz not null,
    actor      text,
    slot       text,
    applied    boolean     not null,
    primary key (tenant_id, id)
);
create unique index reclaim_run_slot on reclaim_run (tenant_id, slot) where slot is not null;
create index reclaim_run_latest on reclaim_run (tenant_id, ran_at desc);

create table reclaim_run_item (
    tenant_id           uuid        not null,
    run_id              uuid        not null,
    position            integer     not null,
    user_id             uuid        not null,
    user_principal_name text,
    display_name        text,
    sku_id              uuid        not null,
    reason              text        not null,
    since               timestamptz,
    action              text        not null,
    groups              text[]      not null,
    unit_price          numeric(16, 4),
    currency            text,
    outcome             text        not null,
    message             text,
    primary key (tenant_id, run_id, position),
    foreign key (tenant_id, run_id) references reclaim_run (tenant_id, id) on delete cascade
);
