-- Administrative units (issue 19): named sets of users and groups, static or chosen by a membership rule, and the
-- roles held over them. "Which units hold this object" is asked on every request of a scoped administrator: the
-- member tables are indexed by member. Memberships go with their unit, and with a user or group removed for good.
create table administrative_unit (
    tenant_id                        uuid        not null references tenant (id),
    id                               uuid        not null,
    display_name                     text        not null,
    description                      text,
    membership_rule                  text,
    rule_paused                      boolean     not null default false,
    created_at                       timestamptz not null,
    primary key (tenant_id, id),
    check (membership_rule is not null or not rule_paused)
);

create table unit_member_user (
    tenant_id uuid not null,
    unit_id   uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, unit_id, user_id),
    foreign key (tenant_id, unit_id) references administrative_unit (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade
);
create index unit_member_user_by_user on unit_member_user (tenant_id, user_id);

create table unit_member_group (
    tenant_id uuid not null,
    unit_id   uuid not null,
    group_id  uuid not null,
    primary key (tenant_id, unit_id, group_id),
    foreign key (tenant_id, unit_id) references administrative_unit (tenant_id, id) on delete cascade,
    foreign key (tenant_id, group_id) references directory_group (tenant_id, id) on delete cascade
);
create index unit_member_group_by_group on unit_member_group (tenant_id, group_id);

-- A role held over a unit by an administrator (member_kind USER, member_id the account's username) or an app
-- (APP, its client id). The role is the server's name for it (LICENSE_ADMINISTRATOR…).
create table unit_role_assignment (
    tenant_id    uuid        not null,
    id           uuid        not null,
    unit_id      uuid        not null,
    role         text        not null,
    member_kind  text        not null check (member_kind in ('USER', 'APP')),
    member_id    text        not null,
    member_name  text        not null,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, unit_id, role, member_kind, member_id),
    foreign key (tenant_id, unit_id) references administrative_unit (tenant_id, id) on delete cascade
);
create index unit_role_assignment_by_member on unit_role_assignment (tenant_id, member_kind, member_id);
