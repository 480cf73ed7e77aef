-- Settlement: commission rate overrides, the append-only ledger, and the facts it books that
-- only the platform records (adjustments, payouts); confirmed monthly statements are locked copies.

alter table product add column commission_bp integer check (commission_bp between 0 and 10000);
alter table campaign_item add column commission_bp integer check (commission_bp between 0 and 10000);

create table commission_adjustment (
  id         bigserial primary key,
  leader_id  bigint      not null references leader (id),
  amount_fen bigint      not null check (amount_fen <> 0),
  reason     text        not null check (btrim(reason) <> ''),
  -- the caller's id of the request, so that a retried call records one adjustment
  request_id text        unique,
  created_at timestamptz not null
);

create table payout (
  id         bigserial primary key,
  leader_id  bigint      not null references leader (id),
  amount_fen bigint      not null check (amount_fen > 0),
  note       text        not null default '',
  request_id text        unique,
  created_at timestamptz not null
);

-- Never updated or deleted: a correction is a new entry. source names the fact booked
-- (line:1, refund:2, adjustment:3, payout:4) and is unique, so settling again books nothing twice.
create table ledger_entry (
  id         bigserial primary key,
  leader_id  bigint      not null references leader (id),
  kind       text        not null check (kind in ('accrual', 'reversal', 'adjustment', 'payout')),
  source     text        not null unique,
  amount_fen bigint      not null,
  line_id    bigint      references order_line (id),
  base_fen   bigint,
  rate_bp    integer,
  reason     text        not null default '',
  booked_at  timestamptz not null
);
create index ledger_entry_leader on ledger_entry (leader_id, booked_at);
create index ledger_entry_line on ledger_entry (line_id) where line_id is not null;

create table statement (
  leader_id       bigint      not null references leader (id),
  month           text        not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
  opening_fen     bigint      not null,
  accruals_fen    bigint      not null,
  reversals_fen   bigint      not null,
  adjustments_fen bigint      not null,
  payouts_fen     bigint      not null,
  closing_fen     bigint      not null,
  confirmed_at    timestamptz not null,
  primary key (leader_id, month)
);

-- Jobs not about one campaign (the leaders' evening commission summary).
alter table scheduled_job alter column campaign_id drop not null;

-- The evening figures read each leader's day by group.
create index order_line_group_created on order_line (group_id, created_at);
create index pickup_group on pickup (group_id, picked_at);
create index refund_group_created on refund (group_id, created_at);
