-- An audit record whose only target is the one of its target_* columns (most records: a user's license change)
-- stores no targets JSON; readers rebuild it from those columns. A fan-out writes one record per user: the JSON
-- parsed and stored per record is its list of changes alone.
alter table audit_event alter column targets drop not null;

-- No query reads the audit log by target_id: a user's history is filtered on the targets (targetResources/any), in
-- time order through audit_event_by_time. The index cost every record a random insert (the target's id), which was
-- the largest single part of writing a fan-out's records.
drop index audit_event_by_target;
