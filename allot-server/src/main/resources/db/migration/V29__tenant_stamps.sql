-- What rarely changes per tenant (the tenant itself, its custom products and plan rules, its subscriptions, its
-- dynamic groups and change subscriptions) is remembered by each server and checked at every unit of work against the
-- tenant's stamp: a number that every committed change of those tables raises, whoever makes it (any server of the
-- installation, or SQL typed by hand).
--
-- The stamp is raised when the changing transaction commits (deferred constraint triggers), so its row is the last
-- lock such a transaction takes, after every lock of the lock order. Before it commits, the transaction marks
-- itself (a transaction-local setting), so that what it reads of its own uncommitted changes is never remembered.
create table tenant_stamp (
    tenant_id uuid   primary key,
    stamp     bigint not null
);

create function tenant_stamp_raise() returns trigger language plpgsql as $$
begin
    insert into tenant_stamp (tenant_id, stamp)
    values (case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end, 1)
    on conflict (tenant_id) do update set stamp = tenant_stamp.stamp + 1;
    return null;
end
$$;

create function tenant_stamp_raise_own() returns trigger language plpgsql as $$
begin
    insert into tenant_stamp (tenant_id, stamp)
    values (case when tg_op = 'DELETE' then old.id else new.id end, 1)
    on conflict (tenant_id) do update set stamp = tenant_stamp.stamp + 1;
    return null;
end
$$;

create function tenant_stamp_mark() returns trigger language plpgsql as $$
begin
    perform set_config('allot.tenant_settings_written', 'true', true);
    return null;
end
$$;

create constraint trigger tenant_stamp_raise after insert or update or delete on tenant
    deferrable initially deferred for each row execute function tenant_stamp_raise_own();
create trigger tenant_stamp_mark after insert or update or delete on tenant
    for each statement execute function tenant_stamp_mark();

create constraint trigger tenant_stamp_raise after insert or update or delete on custom_product
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on custom_product
    for each statement execute function tenant_stamp_mark();

create constraint trigger tenant_stamp_raise after insert or update or delete on custom_service_plan
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on custom_service_plan
    for each statement execute function tenant_stamp_mark();

create constraint trigger tenant_stamp_raise after insert or update or delete on plan_rule
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on plan_rule
    for each statement execute function tenant_stamp_mark();

create constraint trigger tenant_stamp_raise after insert or update or delete on subscription
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on subscription
    for each statement execute function tenant_stamp_mark();

-- Dynamic groups (whose rules licensing consults at every change of a user's plans): a change to a group that is
-- dynamic before or after it, but for its licensing figures (processing state, priority), which are read apart.
create constraint trigger tenant_stamp_raise_insert after insert on directory_group
    deferrable initially deferred for each row
    when ('DynamicMembership' = any (new.group_types)) execute function tenant_stamp_raise();
create trigger tenant_stamp_mark_insert after insert on directory_group
    for each row when ('DynamicMembership' = any (new.group_types)) execute function tenant_stamp_mark();
create constraint trigger tenant_stamp_raise_delete after delete on directory_group
    deferrable initially deferred for each row
    when ('DynamicMembership' = any (old.group_types)) execute function tenant_stamp_raise();
create trigger tenant_stamp_mark_delete after delete on directory_group
    for each row when ('DynamicMembership' = any (old.group_types)) execute function tenant_stamp_mark();
create constraint trigger tenant_stamp_raise_update after update on directory_group
    deferrable initially deferred for each row
    when (('DynamicMembership' = any (old.group_types) or 'DynamicMembership' = any (new.group_types))
          and (new.display_name, new.mail_nickname, new.description, new.security_enabled, new.mail_enabled,
               new.group_types, new.membership_rule, new.membership_rule_processing_state,
               new.on_premises_sync_enabled, new.on_premises_immutable_id, new.created_at)
              is distinct from
              (old.display_name, old.mail_nickname, old.description, old.security_enabled, old.mail_enabled,
               old.group_types, old.membership_rule, old.membership_rule_processing_state,
               old.on_premises_sync_enabled, old.on_premises_immutable_id, old.created_at))
    execute function tenant_stamp_raise();
create trigger tenant_stamp_mark_update after update on directory_group
    for each row
    when (('DynamicMembership' = any (old.group_types) or 'DynamicMembership' = any (new.group_types))
          and (new.display_name, new.mail_nickname, new.description, new.security_enabled, new.mail_enabled,
               new.group_types, new.membership_rule, new.membership_rule_processing_state,
               new.on_premises_sync_enabled, new.on_premises_immutable_id, new.created_at)
              is distinct from
              (old.display_name, old.mail_nickname, old.description, old.security_enabled, old.mail_enabled,
               old.group_types, old.membership_rule, old.membership_rule_processing_state,
               old.on_premises_sync_enabled, old.on_premises_immutable_id, old.created_at))
    execute function tenant_stamp_mark();

-- Change subscriptions (webhooks), which every change of the tenant's directory looks up.
create constraint trigger tenant_stamp_raise after insert or update or delete on change_subscription
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on change_subscription
    for each statement execute function tenant_stamp_mark();

-- The tenant's licensing lock, and then the tenant's stamp as it stands once the lock is held, in one round trip: in
-- a function every statement sees what was committed before it began (READ COMMITTED), so the stamp is read after
-- the lock was granted, as if by a statement of its own.
create function allot_licensing_lock(tenant uuid, exclusive boolean, out stamp bigint, out written boolean)
    language plpgsql volatile as $$
begin
    if exclusive then
        perform pg_advisory_xact_lock(hashtextextended('allot-licensing:' || tenant::text, 0));
    else
        perform pg_advisory_xact_lock_shared(hashtextextended('allot-licensing:' || tenant::text, 0));
    end if;
    stamp := coalesce((select s.stamp from tenant_stamp s where s.tenant_id = tenant), 0);
    written := coalesce(current_setting('allot.tenant_settings_written', true), '') = 'true';
end
$$;
