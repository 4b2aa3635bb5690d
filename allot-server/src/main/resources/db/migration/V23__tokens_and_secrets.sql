-- Client secrets carry an id (tokens name the secret they were issued for, so that replacing a secret ends its
-- tokens) and an expiry. Secrets made before expiries existed end two years after they were made, but not within
-- 180 days of this upgrade.
alter table app_registration add column secret_id uuid;
alter table app_registration add column secret_expires_at timestamptz;
update app_registration
   set secret_id = gen_random_uuid(),
       secret_expires_at = greatest(created_at + interval '2 years', now() + interval '180 days');
alter table app_registration alter column secret_id set not null;
alter table app_registration alter column secret_expires_at set not null;

-- Token signing keys, one row per key id (kid). The key without retired_at signs; retired keys still verify the
-- tokens they signed until those expire. The private key is sealed with the master key (allot.secrets.key); a key
-- stored in the clear by an older version is sealed by the first server that starts (its JSON starts with '{').
alter table signing_key add column retired_at timestamptz;
update signing_key set id = (jwk::json ->> 'kid') where id = 'current' and jwk like '{%';
create unique index signing_key_one_signs on signing_key ((true)) where retired_at is null;

-- What shows that a server has the master key the secrets in this database were sealed with: a value derived from
-- the key (never the key). A server with another key refuses to start.
create table secrets_key_check (
    id          smallint    primary key default 1 check (id = 1),
    check_value text        not null,
    created_at  timestamptz not null
);
