-- (Numbered 18, after main's V17 of the group book version, which it does not depend on: a database that
-- has run V17 takes this one as the next.)
-- A settlement run every minute looked at every line of the month to find the few not booked yet
-- (an anti-join over a million lines at a million, 3 to 9 s), and a first run of a big month wrote
-- each entry into four indexes, one of them all over. Now:
--
-- 1. What is still to book is kept, by the database, in two queues: an active order line waits in
--    line_to_accrue until its accrual is booked (or it is cancelled), a refund in refund_to_reverse
--    until its reversal is booked. Triggers keep them, in the transaction that changes the facts or
--    books the entry, so "in the queue" is always "not booked yet": a run reads the queues, not the
--    month, and a run with nothing new costs what the queues hold (lines waiting to be picked up).
--    A line changed after its accrual is not queued again: an accrual stands, refunds correct it.
-- 2. An order line accrues once: that is now a unique index of accruals by line, which also finds a
--    line's accrual, and takes the place of the unique index of sources for accruals. Sources of
--    accruals are line:<line_id> (checked), so they stay unique; the other kinds keep a unique index of
--    sources of their own, and a source's prefix names its kind (checked), so no two kinds share one.
--    Why: an accrual's source sorts as text (line:100000 between line:10000 and line:10001), so a
--    month's accruals went into that index all over it, one page split after another, a quarter of
--    the time an insert took; by line they go in order, onto its last page.

create table line_to_accrue (
  line_id bigint primary key references order_line (id) on delete cascade
);

create table refund_to_reverse (
  refund_id bigint primary key references refund (id) on delete cascade
);

insert into line_to_accrue (line_id)
  select l.id from order_line l
  where l.status = 'active' and not exists (select 1 from ledger_entry e where e.source = 'line:' || l.id);

insert into refund_to_reverse (refund_id)
  select f.id from refund f where not exists (select 1 from ledger_entry e where e.source = 'refund:' || f.id);

create function order_line_queues_accrual() returns trigger language plpgsql as $$
begin
  insert into line_to_accrue (line_id) select id from added where status = 'active';
  return null;
end $$;

create trigger order_line_queues_accrual after insert on order_line
  referencing new table as added for each statement execute function order_line_queues_accrual();

-- a cancelled line is never active again (a new order is a new line), so it leaves the queue for good
create function order_line_cancel_leaves_queue() returns trigger language plpgsql as $$
begin
  delete from line_to_accrue where line_id = new.id;
  return null;
end $$;

create trigger order_line_cancel_leaves_queue after update of status on order_line
  for each row when (new.status <> 'active' and old.status = 'active')
  execute function order_line_cancel_leaves_queue();

create function refund_queues_reversal() returns trigger language plpgsql as $$
begin
  insert into refund_to_reverse (refund_id) select id from added;
  return null;
end $$;

create trigger refund_queues_reversal after insert on refund
  referencing new table as added for each statement execute function refund_queues_reversal();

-- Replaces V15's check of the rows an insert names (leader, order line) and takes booked facts off
-- the queues, in one pass over the rows added:
-- - an accrual must take its line off line_to_accrue: a line that does not exist, was cancelled or has
--   accrued already is not there, so the insert is refused (as a missing line was before);
-- - a reversal takes its refund off refund_to_reverse, and its line must exist;
-- - every entry names a leader that exists (checked once per leader, not per row).
-- = any(array(...)) makes each a probe of a key per row, whatever the planner guesses of a
-- transition table's size.
drop trigger ledger_entry_names_existing_rows on ledger_entry;
drop function ledger_entry_names_existing_rows();

create function ledger_entry_books_waiting_facts() returns trigger language plpgsql as $$
declare
  accruals bigint;
  dequeued bigint;
begin
  select count(*) into accruals from added where kind = 'accrual';
  if accruals > 0 then
    delete from line_to_accrue where line_id = any (array(select line_id from added where kind = 'accrual'));
    get diagnostics dequeued = row_count;
    if dequeued <> accruals then
      raise exception using errcode = '23503',
        message = 'an accrual names an order line that is not waiting to accrue (none such, cancelled or accrued)';
    end if;
  end if;
  delete from refund_to_reverse
    where refund_id = any (array(select substr(source, length('refund:') + 1)::bigint from added
                                 where kind = 'reversal'));
  if exists (select 1 from (select distinct leader_id from added) a
             where not exists (select 1 from leader l where l.id = a.leader_id))
      or exists (select 1 from added a where a.kind <> 'accrual' and a.line_id is not null
                 and not exists (select 1 from order_line o where o.id = a.line_id)) then
    raise exception using errcode = '23503',
      message = 'a ledger entry names a leader or an order line that does not exist';
  end if;
  return null;
end $$;

create trigger ledger_entry_books_waiting_facts after insert on ledger_entry
  referencing new table as added for each statement execute function ledger_entry_books_waiting_facts();

drop index ledger_entry_line;
alter table ledger_entry drop constraint ledger_entry_source_key;
create unique index ledger_entry_accrual_line on ledger_entry (line_id) where kind = 'accrual';
create unique index ledger_entry_fact_source on ledger_entry (source) where kind <> 'accrual';
create index ledger_entry_reversal_line on ledger_entry (line_id) where kind = 'reversal';
alter table ledger_entry
  add constraint ledger_entry_accrual_source check (kind <> 'accrual' or source = 'line:' || line_id),
  add constraint ledger_entry_source_prefix check (
    source like case kind when 'accrual' then 'line:%' when 'reversal' then 'refund:%'
                          when 'adjustment' then 'adjustment:%' else 'payout:%' end);

-- an order line's accrual and reversals are found by kind and line
create or replace function ledger_entry_keeps_line() returns trigger language plpgsql as $$
begin
  if exists (select 1 from removed r join ledger_entry e on e.kind = 'accrual' and e.line_id = r.id)
      or exists (select 1 from removed r join ledger_entry e on e.kind = 'reversal' and e.line_id = r.id) then
    raise exception using errcode = '23503', message = 'the ledger names this order line';
  end if;
  return null;
end $$;
