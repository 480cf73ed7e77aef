-- A settlement run books a month's lines at once (a million entries on the first run of a big
-- month). The two foreign keys of ledger_entry checked each entry alone, one trigger and one
-- index probe per key and row, and that was more than half of the time such a run spent writing.
-- The same rule is now checked once per statement, over all of the rows it added: an entry names a
-- leader and (for commission) an order line that exist. Leaders and order lines are never deleted
-- (a line is cancelled, not removed); deleting one that the ledger names is still refused.

alter table ledger_entry
  drop constraint ledger_entry_leader_id_fkey,
  drop constraint ledger_entry_line_id_fkey;

create function ledger_entry_names_existing_rows() returns trigger language plpgsql as $$
begin
  if exists (select 1 from added a where not exists (select 1 from leader l where l.id = a.leader_id))
      or exists (select 1 from added a where a.line_id is not null
                 and not exists (select 1 from order_line o where o.id = a.line_id)) then
    raise exception using errcode = '23503',
      message = 'a ledger entry names a leader or an order line that does not exist';
  end if;
  return null;
end $$;

create trigger ledger_entry_names_existing_rows after insert on ledger_entry
  referencing new table as added for each statement execute function ledger_entry_names_existing_rows();

create function ledger_entry_keeps_leader() returns trigger language plpgsql as $$
begin
  if exists (select 1 from removed r join ledger_entry e on e.leader_id = r.id) then
    raise exception using errcode = '23503', message = 'the ledger names this leader';
  end if;
  return null;
end $$;

create trigger ledger_entry_keeps_leader after delete on leader
  referencing old table as removed for each statement execute function ledger_entry_keeps_leader();

create function ledger_entry_keeps_line() returns trigger language plpgsql as $$
begin
  if exists (select 1 from removed r join ledger_entry e on e.line_id = r.id) then
    raise exception using errcode = '23503', message = 'the ledger names this order line';
  end if;
  return null;
end $$;

create trigger ledger_entry_keeps_line after delete on order_line
  referencing old table as removed for each statement execute function ledger_entry_keeps_line();
