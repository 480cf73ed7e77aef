-- Campaign lifecycle: schedules, per-group cutoff and arrival, pickups (核销), receipts and refunds.

-- What the platform pays for an item, for the purchase summary's cost column (null: not known).
alter table campaign_item add column cost_fen bigint check (cost_fen >= 0);

-- A group can be cut off (the leader's 截单) and receive its goods (到货) apart from the others.
alter table campaign_group add column closed_at timestamptz;
alter table campaign_group add column arrived_at timestamptz;

-- Jobs the scheduler runs at a time: deal pushes, cutoff reminders, cutoffs, pickup reminders.
-- key makes a job unique, so planning it twice (two instances, a restart) plans it once.
create table scheduled_job (
  id          bigserial primary key,
  key         text        not null unique,
  kind        text        not null,
  campaign_id bigint      not null references campaign (id) on delete cascade,
  group_id    bigint      references chat_group (id),
  due_at      timestamptz not null,
  state       text        not null default 'pending' check (state in ('pending', 'done', 'dropped', 'failed')),
  attempts    integer     not null default 0,
  last_error  text,
  done_at     timestamptz,
  created_at  timestamptz not null default now()
);
create index scheduled_job_due on scheduled_job (due_at, id) where state = 'pending';

-- A push is queued at most once per key, whoever queues it and however often.
alter table outbox add column dedup_key text unique;

-- One pickup per resident per group per campaign: the code they show, and when it was verified.
-- A resident is a customer id and a label: a leader typing orders for neighbours has one id and
-- one label per neighbour, and each neighbour collects with their own code.
create table pickup (
  campaign_id bigint      not null references campaign (id) on delete cascade,
  group_id    bigint      not null references chat_group (id),
  customer    text        not null,
  label       text        not null default '',
  code        text        not null,
  created_at  timestamptz not null default now(),
  picked_at   timestamptz,
  picked_by   text,
  primary key (campaign_id, group_id, customer, label),
  unique (campaign_id, code)
);

-- What actually arrived of an item, when less than ordered (shortage).
create table receipt (
  campaign_id  bigint         not null references campaign (id) on delete cascade,
  product_id   text           not null references product (id),
  received_qty numeric(12, 3) not null check (received_qty >= 0),
  recorded_at  timestamptz    not null default now(),
  primary key (campaign_id, product_id)
);

-- Money returned to a resident: after-sales, or the part of an order a shortage could not fill.
create table refund (
  id          bigserial primary key,
  campaign_id bigint         not null references campaign (id),
  group_id    bigint         not null references chat_group (id),
  customer    text           not null,
  product_id  text           not null references product (id),
  qty         numeric(12, 3) not null check (qty > 0),
  amount_fen  bigint         not null check (amount_fen >= 0),
  reason      text           not null,
  kind        text           not null check (kind in ('after_sales', 'shortage')),
  order_line_id bigint       references order_line (id),
  created_at  timestamptz    not null default now()
);
create index refund_campaign on refund (campaign_id, group_id, customer);
