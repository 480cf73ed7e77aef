-- Whether the bot posts the campaign's deal list and cutoff reminder itself; false when the
-- leaders post the deals by hand (cutoff, tallies and pickups work the same).
alter table campaign add column announce boolean not null default true;
