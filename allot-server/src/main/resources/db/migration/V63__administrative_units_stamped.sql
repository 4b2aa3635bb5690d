-- A tenant's administrative units are remembered by each server like its dynamic groups (V29): every committed change
-- of administrative_unit raises the tenant's stamp, whoever makes it, and a transaction that changed one marks itself
-- so that what it reads of its own change is never remembered. Every user created or changed asks which dynamic units
-- it belongs to; remembered, that costs no statement.
create constraint trigger tenant_stamp_raise after insert or update or delete on administrative_unit
    deferrable initially deferred for each row execute function tenant_stamp_raise();
create trigger tenant_stamp_mark after insert or update or delete on administrative_unit
    for each statement execute function tenant_stamp_mark();
