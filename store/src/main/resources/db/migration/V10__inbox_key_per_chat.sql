-- A message id repeats only within one chat (DESIGN: unique (channel, group, msgId)): the same id
-- in two groups is two messages. chat_id is the channel's own id of the group, known even before a
-- group is registered, so it keys the inbox rather than group_id.
alter table inbox drop constraint inbox_channel_msg_id_key;
alter table inbox add constraint inbox_channel_chat_msg_key unique (channel, chat_id, msg_id);
