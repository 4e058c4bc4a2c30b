-- Commands reach Kafka through a transactional outbox: a job's row and its outbox entry commit together, and a relay
-- publishes the entry afterwards (and deletes it), so an accepted job always has its command, and a command its job.
-- The job keeps the command it was accepted with, for the lease reaper and dead-letter replays to issue it again.
alter table job add column command jsonb;
-- How many times the command was issued (1 at acceptance); a running job's lease, renewed by its worker's heartbeats;
-- when a queued job was found waiting past the queue deadline.
alter table job add column attempts integer not null default 1;
alter table job add column lease_expires_at timestamptz;
alter table job add column overdue_since timestamptz;

create table outbox (
    id         bigserial   primary key,
    job_id     uuid        not null references job (id),
    created_at timestamptz not null
);

create index job_lease on job (lease_expires_at) where state = 'RUNNING';
create index job_queued on job (created_at) where state = 'QUEUED';
