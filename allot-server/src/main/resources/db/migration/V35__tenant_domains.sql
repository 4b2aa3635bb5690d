-- Each tenant's initial domain (as Entra's contoso.onmicrosoft.com): its name as a DNS label under allot.local, with
-- the start of the tenant's id when an older tenant has the same label (core's InitialDomains follows the same rule).
-- It is one of the verified domains, cannot be removed, and directory sync puts on it the users whose own domain is
-- not verified.
alter table tenant add column initial_domain text;

with labels as (
    select id, created_at,
           coalesce(nullif(trim(both '-' from left(trim(both '-' from
               regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), 40)), ''), 'tenant') as label
    from tenant
), ranked as (
    select id, label, row_number() over (partition by label order by created_at, id) as n
    from labels
)
update tenant t
set initial_domain = case when r.n = 1 then r.label
                          else r.label || '-' || left(replace(t.id::text, '-', ''), 8) end || '.allot.local'
from ranked r
where r.id = t.id;

update tenant set verified_domains = verified_domains || initial_domain
where not (initial_domain = any (verified_domains));

alter table tenant alter column initial_domain set not null;
