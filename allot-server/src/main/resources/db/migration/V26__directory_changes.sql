-- Graph's delta queries (GET /users/delta, /groups/delta): a log of which users, groups and memberships changed,
-- written by statement-level triggers so that every writer (API, admin center, sync, rules, purges) is covered.
-- A change carries the id of the transaction that made it, and a delta token carries a snapshot (pg_current_snapshot):
-- a round delivers the changes of the transactions that had not ended in the token's snapshot and had in the round's,
-- so a token never skips a change committed later by a transaction that started earlier, nor repeats one.
create table directory_change (
    tenant_id  uuid        not null,
    xid        xid8        not null default pg_current_xact_id(),
    kind       text        not null, -- user | group | member_user | member_group
    object_id  uuid        not null, -- the user or the group (for memberships: the group)
    member_id  uuid,                 -- for memberships: the member
    changed_at timestamptz not null default now()
);
create index directory_change_window on directory_change (tenant_id, xid);
create index directory_change_age on directory_change (tenant_id, changed_at);

-- How far each tenant's log was trimmed: a token older than this position cannot be served any more.
create table directory_change_trim (
    tenant_id     uuid        primary key,
    trimmed_through xid8      not null, -- the highest transaction id whose changes are gone
    trimmed_at    timestamptz not null
);

create function directory_change_users() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into directory_change (tenant_id, kind, object_id) select tenant_id, 'user', id from new_rows;
    elsif tg_op = 'DELETE' then
        insert into directory_change (tenant_id, kind, object_id) select tenant_id, 'user', id from old_rows;
    else
        insert into directory_change (tenant_id, kind, object_id)
        select n.tenant_id, 'user', n.id from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        where row(n.*) is distinct from row(o.*);
        -- a deleted user leaves the member lists of its groups (a restored one comes back)
        insert into directory_change (tenant_id, kind, object_id, member_id)
        select m.tenant_id, 'member_user', m.group_id, m.user_id
        from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        join group_member_user m on m.tenant_id = n.tenant_id and m.user_id = n.id
        where (n.deleted_at is null) <> (o.deleted_at is null);
    end if;
    return null;
end $$;

create trigger directory_user_inserted after insert on directory_user
    referencing new table as new_rows for each statement execute function directory_change_users();
create trigger directory_user_updated after update on directory_user
    referencing new table as new_rows old table as old_rows for each statement execute function directory_change_users();
create trigger directory_user_deleted after delete on directory_user
    referencing old table as old_rows for each statement execute function directory_change_users();

-- Groups: what licensing writes on the row (processing state, priority) is not a change of the group's properties.
create function directory_change_groups() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into directory_change (tenant_id, kind, object_id) select tenant_id, 'group', id from new_rows;
    elsif tg_op = 'DELETE' then
        insert into directory_change (tenant_id, kind, object_id) select tenant_id, 'group', id from old_rows;
    else
        insert into directory_change (tenant_id, kind, object_id)
        select n.tenant_id, 'group', n.id from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        where (n.display_name, n.mail_nickname, n.description, n.security_enabled, n.mail_enabled, n.group_types,
               n.membership_rule, n.membership_rule_processing_state, n.on_premises_sync_enabled,
               n.on_premises_immutable_id)
              is distinct from
              (o.display_name, o.mail_nickname, o.description, o.security_enabled, o.mail_enabled, o.group_types,
               o.membership_rule, o.membership_rule_processing_state, o.on_premises_sync_enabled,
               o.on_premises_immutable_id);
    end if;
    return null;
end $$;

create trigger directory_group_inserted after insert on directory_group
    referencing new table as new_rows for each statement execute function directory_change_groups();
create trigger directory_group_updated after update on directory_group
    referencing new table as new_rows old table as old_rows for each statement execute function directory_change_groups();
create trigger directory_group_deleted after delete on directory_group
    referencing old table as old_rows for each statement execute function directory_change_groups();

create function directory_change_member_users() returns trigger language plpgsql as $$
begin
    insert into directory_change (tenant_id, kind, object_id, member_id)
    select tenant_id, 'member_user', group_id, user_id from changed_rows;
    return null;
end $$;

create trigger group_member_user_added after insert on group_member_user
    referencing new table as changed_rows for each statement execute function directory_change_member_users();
create trigger group_member_user_removed after delete on group_member_user
    referencing old table as changed_rows for each statement execute function directory_change_member_users();

create function directory_change_member_groups() returns trigger language plpgsql as $$
begin
    insert into directory_change (tenant_id, kind, object_id, member_id)
    select tenant_id, 'member_group', group_id, member_group_id from changed_rows;
    return null;
end $$;

create trigger group_member_group_added after insert on group_member_group
    referencing new table as changed_rows for each statement execute function directory_change_member_groups();
create trigger group_member_group_removed after delete on group_member_group
    referencing old table as changed_rows for each statement execute function directory_change_member_groups();
