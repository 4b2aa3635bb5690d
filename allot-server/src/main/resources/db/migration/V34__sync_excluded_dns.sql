-- Directory sync connectors leave subtrees under their base DNs out (as Entra Connect's OU filtering does).
alter table sync_connector add column excluded_dns text[] not null default '{}';
