-- Dynamic groups: every change to a user evaluates the rules of the tenant's dynamic groups, so finding them must not
-- scan the tenant's groups.
create index directory_group_dynamic on directory_group (tenant_id, id) where 'DynamicMembership' = any (group_types);
