-- A directory sync adds thousands of members to a group at the same moment: their "Add member" records (targets: the
-- user, then the group) differ in the user alone. Such records are stored as one row per group and change too, as a
-- fan-out's are (V46): the row's targets column holds the targets the members share (the group), and each member's
-- record is read back with its own user first, then those. A row of members without targets (a fan-out's) reads as
-- before: its one target is its user.
create or replace view audit_record_members as
select r.tenant_id, m.id, r.occurred_at, r.activity, r.category, r.actor_kind, r.actor_id, r.actor_name,
       'User'::text as target_type, m.member::text as target_id, m.name as target_name,
       case when r.targets is null then null::json
            else ('[' || json_build_object('type', 'User', 'id', m.member::text, 'displayName', m.name)::text
                  || ',' || substr(r.targets::text, strpos(r.targets::text, '[') + 1))::json
       end as targets,
       r.changes, r.correlation_id, r.result, r.activity_display
  from audit_record r
 cross join lateral unnest(r.member_ids, r.members, r.member_names) as m(id, member, name)
 where r.member_ids is not null;
