-- Several Allot nodes behind one load balancer (docs/scale-out.md).
--
-- Admin center sessions live in the database (Spring Session JDBC), so an administrator signed in through one node is
-- signed in on every node, a form's CSRF token and the message shown after a redirect survive a switch of node, and
-- signing out ends the session everywhere. The tables are Spring Session's own (its schema-postgresql.sql), written
-- here so that Flyway, not Spring's initializer, owns the schema. They belong to no tenant: a session is found by the
-- id its cookie carries, before anyone knows the tenant.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- A periodic step (the retention sweep, reclaim, time-bound grants, alerts …) runs once per period across every node
-- sharing the database: each node's timer claims the step's row, and only the node whose update moved ran_at runs it.
create table scheduled_step (
    name text primary key,
    ran_at timestamptz not null,
    ran_by text not null
);
