-- Leaders, groups, products and campaigns: what the platform operates.
create table leader (
  id                 bigserial primary key,
  name               text        not null,
  phone              text,
  commission_rate_bp integer     not null default 1000 check (commission_rate_bp between 0 and 10000),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);

create table chat_group (
  id           bigserial primary key,
  channel      text        not null check (channel in ('wecom', 'bridge', 'sim')),
  chat_id      text        not null,
  name         text        not null,
  leader_id    bigint      not null references leader (id),
  -- the leader's own sender id in this chat, so that leader commands are recognised
  leader_user  text,
  pickup_point text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (channel, chat_id)
);
create index chat_group_leader on chat_group (leader_id);

-- A resident per channel identity; the label is how the leader tells them apart (3-1-201 张三).
create table resident (
  channel      text        not null,
  user_id      text        not null,
  display_name text        not null default '',
  label        text        not null default '',
  updated_at   timestamptz not null default now(),
  primary key (channel, user_id)
);

create table product (
  id         text primary key,
  name       text        not null,
  aliases    text[]      not null default '{}',
  unit       text        not null default '',
  spec       text        not null default '',
  price_fen  bigint      not null check (price_fen >= 0),
  updated_at timestamptz not null default now()
);

create table campaign (
  id         bigserial primary key,
  name       text        not null,
  opens_at   timestamptz not null default now(),
  cutoff_at  timestamptz,
  pickup_at  timestamptz,
  closed_at  timestamptz,
  created_at timestamptz not null default now(),
  check (cutoff_at is null or cutoff_at > opens_at)
);

-- A product offered in a campaign: its deal number and the price of this round.
create table campaign_item (
  campaign_id bigint  not null references campaign (id) on delete cascade,
  no          integer not null check (no > 0),
  product_id  text    not null references product (id),
  price_fen   bigint  not null check (price_fen >= 0),
  primary key (campaign_id, no),
  unique (campaign_id, product_id)
);

create table campaign_group (
  campaign_id bigint not null references campaign (id) on delete cascade,
  group_id    bigint not null references chat_group (id),
  primary key (campaign_id, group_id)
);
create index campaign_group_group on campaign_group (group_id);
