-- Certificates an app proves itself with instead of a secret (a client assertion: a JWT signed with the certificate's
-- private key, naming it by its SHA-1 or SHA-256 thumbprint). Only the certificate (public) is kept, in DER. The key
-- id names the certificate in the tokens issued with it, so that removing it ends its tokens.
create table app_certificate (
    tenant_id     uuid        not null,
    app_id        uuid        not null,
    id            uuid        not null,
    thumbprint    text        not null,
    thumbprint256 text        not null,
    subject       text        not null,
    der           bytea       not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    created_at    timestamptz not null,
    primary key (tenant_id, app_id, id),
    foreign key (tenant_id, app_id) references app_registration (tenant_id, id) on delete cascade
);
create unique index app_certificate_thumbprint on app_certificate (app_id, thumbprint256);

-- Client assertions already used, by app and JWT id, until they expire: an assertion is taken once.
create table client_assertion (
    app_id     uuid        not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (app_id, jti)
);
create index client_assertion_expiry on client_assertion (expires_at);
