-- Directory sync holds back changes that would take licenses away in bulk: a second threshold per tenant (users who
-- would lose a license), and what a blocked run holds besides deletions: memberships of licensed groups, and the
-- licenses users would lose, as its preview.
alter table tenant add column sync_license_loss_threshold int not null default 500;

alter table sync_run add column pending_removals int not null default 0;
alter table sync_run add column users_losing_licenses int not null default 0;

create table sync_pending_removal (
    tenant_id     uuid not null,
    run_id        uuid not null,
    group_id      uuid not null,
    group_name    text,
    member_kind   text not null,
    member_id     uuid not null,
    member_name   text,
    primary key (tenant_id, run_id, group_id, member_id),
    foreign key (tenant_id, run_id) references sync_run (tenant_id, id) on delete cascade
);

create table sync_license_loss (
    tenant_id     uuid not null,
    run_id        uuid not null,
    user_id       uuid not null,
    user_name     text,
    product       text not null,
    cause         text not null,
    primary key (tenant_id, run_id, user_id, product),
    foreign key (tenant_id, run_id) references sync_run (tenant_id, id) on delete cascade
);
