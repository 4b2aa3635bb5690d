-- Change notifications' lifecycle (docs/api.md#lifecycle-notifications) and one capture of the directory's changes for
-- delta queries and change notifications alike.

-- reauthorize_requested_at: when reauthorizationRequired was last sent and not yet answered (null: authorized);
-- expiry_challenged_for: the expiration for which the challenge before expiry was sent (one challenge per expiration).
alter table change_subscription add column reauthorize_requested_at timestamptz;
alter table change_subscription add column expiry_challenged_for timestamptz;
create index change_subscription_expiring on change_subscription (expires_at)
    where lifecycle_notification_url is not null and state <> 'REMOVED';

-- The log of V26 says what happened to each object: op is created, updated or deleted (for memberships: created when
-- the member joined, deleted when it left); purged is the permanent removal of a user deleted before. seq orders the
-- changes of one transaction.
alter table directory_change add column op text;
alter table directory_change add column seq bigint generated always as identity;

create or replace function directory_change_users() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into directory_change (tenant_id, kind, object_id, op)
        select tenant_id, 'user', id, 'created' from new_rows;
    elsif tg_op = 'DELETE' then
        insert into directory_change (tenant_id, kind, object_id, op)
        select tenant_id, 'user', id, case when deleted_at is null then 'deleted' else 'purged' end from old_rows;
    else
        insert into directory_change (tenant_id, kind, object_id, op)
        select n.tenant_id, 'user', n.id,
               case when o.deleted_at is null and n.deleted_at is not null then 'deleted' else 'updated' end
        from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        where row(n.*) is distinct from row(o.*);
        -- a deleted user leaves the member lists of its groups (a restored one comes back)
        insert into directory_change (tenant_id, kind, object_id, member_id, op)
        select m.tenant_id, 'member_user', m.group_id, m.user_id,
               case when n.deleted_at is null then 'created' else 'deleted' end
        from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        join group_member_user m on m.tenant_id = n.tenant_id and m.user_id = n.id
        where (n.deleted_at is null) <> (o.deleted_at is null);
    end if;
    return null;
end $$;

create or replace function directory_change_groups() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into directory_change (tenant_id, kind, object_id, op) select tenant_id, 'group', id, 'created' from new_rows;
    elsif tg_op = 'DELETE' then
        insert into directory_change (tenant_id, kind, object_id, op) select tenant_id, 'group', id, 'deleted' from old_rows;
    else
        insert into directory_change (tenant_id, kind, object_id, op)
        select n.tenant_id, 'group', n.id, 'updated'
        from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
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

create or replace function directory_change_member_users() returns trigger language plpgsql as $$
begin
    insert into directory_change (tenant_id, kind, object_id, member_id, op)
    select tenant_id, 'member_user', group_id, user_id, case when tg_op = 'INSERT' then 'created' else 'deleted' end
    from changed_rows;
    return null;
end $$;

create or replace function directory_change_member_groups() returns trigger language plpgsql as $$
begin
    insert into directory_change (tenant_id, kind, object_id, member_id, op)
    select tenant_id, 'member_group', group_id, member_group_id,
           case when tg_op = 'INSERT' then 'created' else 'deleted' end
    from changed_rows;
    return null;
end $$;

-- How far change notifications have read each tenant's log (a position as delta tokens hold one); a tenant has a row
-- while it has subscriptions. Claimed with FOR UPDATE SKIP LOCKED by the servers' delivery threads.
create table notification_relay (
    tenant_id  uuid        primary key,
    position   text        not null,
    relayed_at timestamptz not null
);
