-- Time-bound grants (docs/delegation.md, "Time-bound grants"): a direct license (kind 'LICENSE', target_id the SKU)
-- or a group membership (kind 'MEMBERSHIP', target_id the group) of a user from start_at until end_at (null: no end).
-- Until started, nothing is assigned; once started, the grant is what ends the license or the membership at end_at.
-- Every writer holds the user's lock (after the tenant's licensing lock), so the scheduled step, run on any number of
-- servers, reads a grant again under that lock and does it once.
create table timed_grant (
    tenant_id      uuid        not null,
    user_id        uuid        not null,
    kind           text        not null check (kind in ('LICENSE', 'MEMBERSHIP')),
    target_id      uuid        not null,
    disabled_plans uuid[]      not null default '{}',
    start_at       timestamptz not null,
    end_at         timestamptz,
    started        boolean     not null,
    set_by         text        not null,
    set_at         timestamptz not null,
    primary key (tenant_id, user_id, kind, target_id),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade,
    check (end_at is null or end_at > start_at)
);

-- what the scheduled step looks for: grants to start, and started grants to end
create index timed_grant_to_start on timed_grant (start_at) where not started;
create index timed_grant_to_end on timed_grant (end_at) where started and end_at is not null;
-- a group's timed members
create index timed_grant_by_group on timed_grant (tenant_id, target_id) where kind = 'MEMBERSHIP';
