-- Counts the writes to a group's order book (its chains and active lines, and the message said last):
-- every transaction that processes the group's messages raises it by one before it commits. An
-- instance that kept the book in memory after its own last write reuses it only while the count is
-- still the one it wrote, so a book changed by another instance is read again.
alter table chat_group add column book_version bigint not null default 0;
