-- How far the WeCom msgaudit (会话内容存档) reader has read each corp's archive: the last seq
-- whose records were all stored in the inbox. It only moves forward, after the whole batch.
create table msgaudit_cursor (
  corp_id    text        primary key,
  seq        bigint      not null check (seq >= 0),
  updated_at timestamptz not null default now()
);
