-- Directory sync: how often a delta run of a directory that does not tell its deletions (generic LDAP) lists the
-- scope to find them (null: only full runs do, on the server's full-sync schedule), and when the last run that looked
-- for deletions started (null: count from the last full run).
alter table sync_connector add column deletion_check_minutes integer
    check (deletion_check_minutes between 0 and 43200);
alter table sync_connector add column deletions_checked_at timestamptz;
