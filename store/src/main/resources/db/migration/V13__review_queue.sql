-- The leader's review queue: open questions and conflicts (as before), and after-sales messages,
-- which may come when no campaign runs. Each is settled by the resident's answer or by the leader,
-- and the settlement says who and how.
alter table unresolved_mention alter column campaign_id drop not null;
alter table unresolved_mention add column resolution text;
alter table unresolved_mention add column resolved_by text;
create index unresolved_open_campaign on unresolved_mention (campaign_id, group_id) where open;
