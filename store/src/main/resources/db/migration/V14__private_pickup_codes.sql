-- Pickup codes are private: the arrival notice names residents without their codes, unless the
-- leader turns codes on for a group whose residents cannot be messaged in private.
alter table chat_group add column codes_in_group boolean not null default false;
-- Codes are drawn at random and kept unique among the codes not yet picked up, looked up here.
create index pickup_open_code on pickup (code) where picked_at is null;
