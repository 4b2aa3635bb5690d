-- A directory sync adds thousands of users at the same moment: their "Add user" records share the time, the actor, the
-- activity and the run, and differ in their user and in their changes (each user's own property values). Such records
-- are stored as one row per page too, as a fan-out's (V46) and a group's new members (V54) are: member_changes holds
-- each member's changes beside its id, user and name, and the row's own changes are unused ([]). A row of members
-- whose changes are the same for all (a fan-out's, a group's new members) has no member_changes and reads as before.
alter table audit_record add column member_changes json[];

create or replace view audit_record_members as
select r.tenant_id, m.id, r.occurred_at, r.activity, r.category, r.actor_kind, r.actor_id, r.actor_name,
       'User'::text as target_type, m.member::text as target_id, m.name as target_name,
       (jsonb_build_array(jsonb_build_object('type', 'User', 'id', m.member::text, 'displayName', m.name))
        || r.targets::jsonb)::json as targets,
       coalesce(m.changes, r.changes) as changes, r.correlation_id, r.result, r.activity_display
  from audit_record r
 cross join lateral unnest(r.member_ids, r.members, r.member_names, r.member_changes) as m(id, member, name, changes)
 where r.member_ids is not null;
