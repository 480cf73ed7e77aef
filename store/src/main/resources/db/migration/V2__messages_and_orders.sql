-- Every message is stored before it is acknowledged; (channel, msg_id) makes a retry a no-op.
create table inbox (
  id           bigserial primary key,
  channel      text        not null,
  msg_id       text        not null,
  group_id     bigint      references chat_group (id),
  chat_id      text        not null,
  sender       text        not null,
  sender_name  text        not null default '',
  text         text        not null,
  mentions     jsonb       not null default '[]',
  extras       jsonb       not null default '{}',
  sent_at      timestamptz,
  received_at  timestamptz not null default now(),
  state        text        not null default 'pending' check (state in ('pending', 'done', 'failed')),
  attempts     integer     not null default 0,
  processed_at timestamptz,
  error        text,
  unique (channel, msg_id)
);
create index inbox_pending on inbox (group_id, id) where state = 'pending';

-- The last state of each chain (接龙) of a group in a campaign, as the interpreter left it.
create table chain_state (
  group_id    bigint      not null references chat_group (id),
  campaign_id bigint      not null references campaign (id) on delete cascade,
  chain_id    text        not null,
  state       jsonb       not null,
  updated_at  timestamptz not null default now(),
  primary key (group_id, campaign_id, chain_id)
);

-- One line of one resident's order. line_key is stable while the line lives; origin is the
-- chain entry or message that made it; source_msg the message that made or last changed it.
create table order_line (
  id          bigserial primary key,
  campaign_id bigint         not null references campaign (id),
  group_id    bigint         not null references chat_group (id),
  line_key    text           not null,
  origin      text           not null,
  customer    text           not null,
  label       text           not null default '',
  product_id  text           not null references product (id),
  qty         numeric(12, 3) not null check (qty > 0),
  note        text           not null default '',
  source_msg  text           not null,
  status      text           not null default 'active' check (status in ('active', 'cancelled')),
  created_at  timestamptz    not null default now(),
  updated_at  timestamptz    not null default now(),
  unique (campaign_id, group_id, line_key)
);
create index order_line_active on order_line (campaign_id, group_id) where status = 'active';
create index order_line_customer on order_line (group_id, customer) where status = 'active';

-- Every change of a line, so that each quantity can be traced to the messages behind it.
create table order_line_history (
  id            bigserial primary key,
  order_line_id bigint         not null references order_line (id),
  change        text           not null check (change in ('add', 'update', 'cancel')),
  qty           numeric(12, 3),
  note          text,
  source_msg    text           not null,
  at            timestamptz    not null default now()
);
create index order_line_history_line on order_line_history (order_line_id);

-- Mentions the bot would not guess; open until the entry changes or the resident answers.
create table unresolved_mention (
  id          bigserial primary key,
  campaign_id bigint      not null references campaign (id),
  group_id    bigint      not null references chat_group (id),
  origin      text        not null,
  customer    text        not null,
  source_msg  text        not null,
  text        text        not null,
  reason      text        not null,
  choices     jsonb       not null default '[]',
  open        boolean     not null default true,
  created_at  timestamptz not null default now(),
  closed_at   timestamptz
);
create index unresolved_open on unresolved_mention (group_id, customer) where open;

-- Replies and pushes, written in the same transaction as the change that caused them.
create table outbox (
  id              bigserial primary key,
  channel         text        not null,
  chat_id         text,
  recipient       text,
  text            text        not null,
  mentions        jsonb       not null default '[]',
  in_reply_to     bigint      references inbox (id),
  state           text        not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  attempts        integer     not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz,
  check (chat_id is not null or recipient is not null)
);
create index outbox_due on outbox (next_attempt_at, id) where state = 'pending';
create index outbox_reply on outbox (in_reply_to);

-- The simulator's conversations: what residents typed and what the bot sent, per chat.
create table sim_message (
  id         bigserial primary key,
  chat_id    text,
  recipient  text,
  sender     text        not null,
  name       text        not null default '',
  text       text        not null,
  from_bot   boolean     not null,
  at         timestamptz not null default now()
);
create index sim_message_chat on sim_message (chat_id, id);
create index sim_message_recipient on sim_message (recipient, id);
