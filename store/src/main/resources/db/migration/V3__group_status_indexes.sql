-- The admin API shows each group's last message and its failed or waiting sends.
create index inbox_group_received on inbox (group_id, received_at desc);
create index outbox_chat_state on outbox (channel, chat_id, state);
