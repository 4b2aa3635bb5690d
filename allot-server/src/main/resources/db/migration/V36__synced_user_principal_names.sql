-- A synced user's principal name in its directory (Graph's onPremisesUserPrincipalName). Until now a synced user's
-- principal name was always its directory's, so existing synced users get that one.
alter table directory_user add column on_premises_user_principal_name text;

update directory_user set on_premises_user_principal_name = user_principal_name
where on_premises_sync_enabled;

-- Soft match (a directory user takes over the cloud user with its principal name or mail), on unless switched off.
alter table sync_connector add column soft_match boolean not null default true;
