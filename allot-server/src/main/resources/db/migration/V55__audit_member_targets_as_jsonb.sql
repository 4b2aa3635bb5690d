-- A member's targets (V54) are built with jsonb's functions instead of spliced as text: the member's user, then the
-- targets the row's members share, as one array (jsonb's concatenation of two arrays), read as json as before. The
-- records read back the same: the same targets in the same order (only the spacing and the order of keys within a
-- target, which no reader depends on, differ).
create or replace view audit_record_members as
select r.tenant_id, m.id, r.occurred_at, r.activity, r.category, r.actor_kind, r.actor_id, r.actor_name,
       'User'::text as target_type, m.member::text as target_id, m.name as target_name,
       (jsonb_build_array(jsonb_build_object('type', 'User', 'id', m.member::text, 'displayName', m.name))
        || r.targets::jsonb)::json as targets,
       r.changes, r.correlation_id, r.result, r.activity_display
  from audit_record r
 cross join lateral unnest(r.member_ids, r.members, r.member_names) as m(id, member, name)
 where r.member_ids is not null;
