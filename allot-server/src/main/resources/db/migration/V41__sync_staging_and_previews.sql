-- Directory sync: a staging mode per connector (runs work out and report what they would do, and apply nothing), and
-- what dry runs (previews of connector settings, staged runs) would add, update or restore, beside what they would
-- delete and take away, which they keep in the lists of blocked runs.
alter table sync_connector add column staging boolean not null default false;

create table sync_planned_change (
    tenant_id           uuid not null,
    run_id              uuid not null,
    position            int  not null,
    object_kind         text not null,
    action              text not null,
    distinguished_name  text not null,
    immutable_id        text,
    object_id           uuid,
    name                text,
    primary key (tenant_id, run_id, position),
    foreign key (tenant_id, run_id) references sync_run (tenant_id, id) on delete cascade
);
