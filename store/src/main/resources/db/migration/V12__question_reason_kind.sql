-- Why a question is open, as the engine's reason (UNKNOWN, AMBIGUOUS, UNIT, CONFLICT), beside the
-- replay contract's wording in `reason`: an answer is matched on the kind, never on the wording.
alter table unresolved_mention add column kind text;
update unresolved_mention set kind = case
  when reason like 'ambiguous%' then 'AMBIGUOUS'
  when reason like 'unit%' then 'UNIT'
  when reason like 'conflict%' then 'CONFLICT'
  else 'UNKNOWN' end;
alter table unresolved_mention alter column kind set not null;
