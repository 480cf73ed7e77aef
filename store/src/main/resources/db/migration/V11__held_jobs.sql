-- A job moved to the end of the quiet hours was not planned for then: when the service starts again
-- (perhaps with other quiet hours, or none for a trial), it decides again when such a job may run.
alter table scheduled_job add column held boolean not null default false;
