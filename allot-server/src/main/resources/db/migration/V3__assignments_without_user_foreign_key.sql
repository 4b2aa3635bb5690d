-- License assignments are written in bulk under the licensing lock on their users, which already guarantees the
-- users exist; the foreign key's per-row check doubled the cost of a group fan-out. Purging a user deletes its
-- assignments explicitly (JdbcUsers.purge).
alter table license_assignment drop constraint license_assignment_tenant_id_user_id_fkey;
