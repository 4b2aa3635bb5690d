-- Apps that call the API with OAuth 2.0 client credentials. The client id is the row id; the secret is stored as a
-- one-way hash only.
create table app_registration (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    display_name text        not null,
    secret_hash  text        not null,
    role         text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (tenant_id, id)
);
create unique index app_registration_client_id on app_registration (id);

-- People who sign in to the admin center.
create table admin_account (
    tenant_id     uuid        not null references tenant (id),
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    role          text        not null,
    created_at    timestamptz not null,
    primary key (tenant_id, username)
);
create unique index admin_account_username on admin_account (lower(username));

-- The key that signs access tokens, shared by every server process of the installation.
create table signing_key (
    id         text        primary key,
    jwk        text        not null,
    created_at timestamptz not null
);

-- Case-insensitive filters (prefix searches) and ordering of users and groups, as Graph compares directory strings.
create index directory_user_display_name_prefix on directory_user (tenant_id, lower(display_name) text_pattern_ops);
create index directory_user_upn_prefix on directory_user (tenant_id, lower(user_principal_name) text_pattern_ops);
create index directory_user_mail_prefix on directory_user (tenant_id, lower(mail) text_pattern_ops);
create index directory_user_display_name_order on directory_user (tenant_id, (coalesce(lower(display_name), '')), id);
create index directory_user_upn_order on directory_user (tenant_id, (coalesce(lower(user_principal_name), '')), id);
create index directory_group_display_name_prefix on directory_group (tenant_id, lower(display_name) text_pattern_ops);
create index directory_group_display_name_order on directory_group (tenant_id, (coalesce(lower(display_name), '')), id);

-- Audit records are filtered by their activity's display name ("Change user license"), as Graph filters them.
alter table audit_event add column activity_display text;
update audit_event set activity_display = case activity
    when 'ADD_USER' then 'Add user'
    when 'UPDATE_USER' then 'Update user'
    when 'DELETE_USER' then 'Delete user'
    when 'RESTORE_USER' then 'Restore user'
    when 'HARD_DELETE_USER' then 'Hard delete user'
    when 'CHANGE_USER_LICENSE' then 'Change user license'
    when 'ADD_GROUP' then 'Add group'
    when 'UPDATE_GROUP' then 'Update group'
    when 'DELETE_GROUP' then 'Delete group'
    when 'ADD_MEMBER' then 'Add member to group'
    when 'REMOVE_MEMBER' then 'Remove member from group'
    when 'SET_GROUP_LICENSE' then 'Set group license'
    when 'START_GROUP_LICENSING' then 'Start applying group based license to users'
    when 'FINISH_GROUP_LICENSING' then 'Finish applying group based license to users'
    when 'ADD_TENANT' then 'Add company'
    when 'UPDATE_TENANT' then 'Set company information'
    when 'ADD_SUBSCRIPTION' then 'Add subscription'
    when 'UPDATE_SUBSCRIPTION' then 'Update subscription'
    when 'ADD_PRODUCT' then 'Add product'
    when 'DELETE_PRODUCT' then 'Delete product'
    when 'ADD_PLAN_RULE' then 'Add service plan rule'
    when 'DELETE_PLAN_RULE' then 'Delete service plan rule'
    when 'ADD_APPLICATION' then 'Add application'
    when 'DELETE_APPLICATION' then 'Delete application'
    when 'UPDATE_APPLICATION_SECRET' then 'Update application – Certificates and secrets management'
    when 'ADD_ADMINISTRATOR' then 'Add member to role'
    else activity end;
alter table audit_event alter column activity_display set not null;
create index audit_event_by_activity on audit_event (tenant_id, activity_display, occurred_at desc);
