-- Audit records are written by the hundred thousand and read a page at a time: keep their JSON as text.
alter table audit_event alter column targets type json using targets::json;
alter table audit_event alter column changes type json using changes::json;
