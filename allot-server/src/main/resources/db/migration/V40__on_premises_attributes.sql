-- What directory sync knows of a synced object's on-premises original, as Graph shows it (onPremisesDistinguishedName,
-- onPremisesDomainName, onPremisesSecurityIdentifier, onPremisesLastSyncDateTime; groups' onPremisesSamAccountName).
-- Existing synced objects get them from the next run, which reads everything again (the connector's settings
-- fingerprint includes the attributes read).
alter table directory_user
    add column on_premises_distinguished_name text,
    add column on_premises_domain_name text,
    add column on_premises_security_identifier text,
    add column on_premises_last_sync_at timestamptz;

alter table directory_group
    add column on_premises_sam_account_name text,
    add column on_premises_domain_name text,
    add column on_premises_security_identifier text,
    add column on_premises_last_sync_at timestamptz;
