-- When the run that left a connector's checkpoint began to read the directory (Allot's clock): a modifyTimestamp
-- watermark moves on by the time that passed since, so deltas after a bulk import stop reading it again.
alter table sync_connector add column checkpoint_read_at timestamptz;
