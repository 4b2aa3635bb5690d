-- Change notifications of Allot's license assignments (docs/api.md#change-notifications): the same change log as the
-- directory's (V26, V32), filled by statement-level triggers on license_assignment, so every writer is covered (API,
-- group fan-out jobs, waiting lists, directory sync, license checks, cascades, SQL in the database).
--
-- A change of an assignment is kind 'license': object_id is the user, member_id the source (the group, or the zero
-- uuid for a direct assignment), sku_id the product, assignment_state/assignment_error Graph's state and error as the
-- change left them (as they were, for a removal). Only tenants with a live subscription to license assignments (a
-- resource under allot/v1/) have them logged: licensing writes thousands of rows at a time, which other tenants need
-- not pay for. Delta queries read only the directory's kinds.
alter table directory_change add column sku_id uuid;
alter table directory_change add column assignment_state text;
alter table directory_change add column assignment_error text;

create function directory_change_license_assignments() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into directory_change (tenant_id, kind, object_id, member_id, sku_id, assignment_state,
                                      assignment_error, op)
        select n.tenant_id, 'license', n.user_id, n.source_group_id, n.sku_id, n.state, n.error, 'created'
        from new_rows n
        where n.tenant_id in (select s.tenant_id from change_subscription s
                              where s.resource ilike 'allot/v1/%' and s.state <> 'REMOVED' and s.expires_at > now());
    elsif tg_op = 'DELETE' then
        insert into directory_change (tenant_id, kind, object_id, member_id, sku_id, assignment_state,
                                      assignment_error, op)
        select o.tenant_id, 'license', o.user_id, o.source_group_id, o.sku_id, o.state, o.error, 'deleted'
        from old_rows o
        where o.tenant_id in (select s.tenant_id from change_subscription s
                              where s.resource ilike 'allot/v1/%' and s.state <> 'REMOVED' and s.expires_at > now());
    else
        -- what Graph's licenseAssignmentStates show: state, error and disabled plans (not the times, nor the reason)
        insert into directory_change (tenant_id, kind, object_id, member_id, sku_id, assignment_state,
                                      assignment_error, op)
        select n.tenant_id, 'license', n.user_id, n.source_group_id, n.sku_id, n.state, n.error, 'updated'
        from new_rows n
        join old_rows o on o.tenant_id = n.tenant_id and o.user_id = n.user_id and o.sku_id = n.sku_id
                       and o.source_group_id = n.source_group_id
        where (n.state, n.error, n.disabled_plans) is distinct from (o.state, o.error, o.disabled_plans)
          and n.tenant_id in (select s.tenant_id from change_subscription s
                              where s.resource ilike 'allot/v1/%' and s.state <> 'REMOVED' and s.expires_at > now());
    end if;
    return null;
end $$;

create trigger license_assignment_inserted after insert on license_assignment
    referencing new table as new_rows for each statement execute function directory_change_license_assignments();
create trigger license_assignment_updated after update on license_assignment
    referencing new table as new_rows old table as old_rows for each statement
    execute function directory_change_license_assignments();
create trigger license_assignment_deleted after delete on license_assignment
    referencing old table as old_rows for each statement execute function directory_change_license_assignments();

-- A license assignment's notification in the outbox: resource_id is the user; the assignment as the change left it.
alter table notification_outbox add column sku_id uuid;
alter table notification_outbox add column source_id uuid;
alter table notification_outbox add column assignment_state text;
alter table notification_outbox add column assignment_error text;

