-- A fan-out gives thousands of users the same license change at the same moment. Those per-user records are stored
-- as one row per chunk and distinct change (the members listed in its arrays: each user's record id, the user's id
-- and principal name) instead of one row per user, which cost a fan-out as much as its assignments. Every reader
-- still sees one record per user: audit_event is now a view that lists the stored rows of one record as they are
-- and expands a row of members into one record each, with the record id, target and name of that user and the row's
-- time, actor, activity, changes, correlation and result.
alter table audit_event rename to audit_record;
alter table audit_record add column member_ids uuid[];
alter table audit_record add column members uuid[];
alter table audit_record add column member_names text[];

-- The two kinds of rows, as records: audit_event is both. A page of the log is read from each apart, each in time
-- order with its own limit (JdbcAuditQueries), and merged: PostgreSQL sorts the union as a whole otherwise, every
-- member of every row expanded, where each part alone is read in the order of audit_event_by_time (the members of a
-- row share its time, and are sorted by id within it as they come).
create view audit_record_own as
select tenant_id, id, occurred_at, activity, category, actor_kind, actor_id, actor_name, target_type, target_id,
       target_name, targets, changes, correlation_id, result, activity_display
  from audit_record
 where member_ids is null;

create view audit_record_members as
select r.tenant_id, m.id, r.occurred_at, r.activity, r.category, r.actor_kind, r.actor_id, r.actor_name,
       'User'::text as target_type, m.member::text as target_id, m.name as target_name, null::json as targets,
       r.changes, r.correlation_id, r.result, r.activity_display
  from audit_record r
 cross join lateral unnest(r.member_ids, r.members, r.member_names) as m(id, member, name)
 where r.member_ids is not null;

create view audit_event as
select * from audit_record_own
union all
select * from audit_record_members;
