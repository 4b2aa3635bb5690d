-- A time-bound license given by an approved license request waits for a seat at its start when none is free
-- (docs/delegation.md#what-an-approval-grants), where other time-bound licenses are dropped then.
alter table timed_grant add column waits boolean not null default false;
