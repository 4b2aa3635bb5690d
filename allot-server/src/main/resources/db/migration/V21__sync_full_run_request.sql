-- A run someone asks for ("sync now") may ask for a full read of the directory.
alter table sync_connector add column run_requested_full boolean not null default false;
