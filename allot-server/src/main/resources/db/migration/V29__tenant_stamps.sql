-- What rarely changes per tenant (the tenant itself, its custom products and plan rules, its subscriptions) is
-- remembered by each server and checked at every unit of work against the tenant's stamp: a number that every
-- committed change of those tables raises, whoever makes it (any server of the installation, or SQL typed by hand).
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
