-- Every table's keys lead with tenant_id, so that each table can be distributed by tenant and co-located with the
-- others (docs/scale-out.md, "Sharding with Citus"; TenantKeysIT checks it).

-- The directory's change log had no primary key: its rows are the tenant's and its sequence number.
alter table directory_change add constraint directory_change_pkey primary key (tenant_id, seq);

-- A certificate's thumbprint is unique to its app, and an app to its tenant: the index leads with the tenant too.
create unique index app_certificate_tenant_thumbprint on app_certificate (tenant_id, app_id, thumbprint256);
drop index app_certificate_thumbprint;
