-- Failed sign-ins to the admin center and failed token requests (docs/security.md, "Throttling sign-in and token
-- requests"), shared by every server process: one row per account, per source address and per account from one
-- address. The key is the SHA-256 of what was typed (never the text itself), so the table names no account. Not keyed
-- by tenant: a sign-in name or client id is looked for before any tenant is known. Rows whose last failure is older
-- than allot.sign-in.forget-after are forgotten, and deleted from time to time.
create table sign_in_failure (
    key_hash        bytea       primary key,
    failures        int         not null,
    last_failure_at timestamptz not null
);
create index sign_in_failure_last on sign_in_failure (last_failure_at);
