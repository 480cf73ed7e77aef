-- A leader's WeCom user id: customer groups they own are registered to them, and their
-- private messages to the app are read as their commands.
alter table leader add column wecom_user_id text unique;

-- A group robot (internal groups) takes messages at its webhook; the key is a send credential.
alter table chat_group add column robot_webhook_key text;
-- Kept current from WeCom's change_external_chat events for customer groups.
alter table chat_group add column member_count integer;
alter table chat_group add column dismissed_at timestamptz;

create index inbox_pending_direct on inbox (id) where state = 'pending' and group_id is null;
