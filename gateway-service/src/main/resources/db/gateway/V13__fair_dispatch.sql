-- When a queued job's command left the outbox for Kafka; null while it waits in the outbox (or after it was issued
-- again). A command between the two moments waits in its topic: the relay keeps at most a window of those per topic
-- and releases the rest fairly between authors (CommandOutbox).
alter table job add column dispatched_at timestamptz;
-- Jobs from before dispatching was tracked left the outbox already.
update job set dispatched_at = updated_at where state = 'QUEUED' and id not in (select job_id from outbox);
create index job_waiting_in_kafka on job (kind, lane) where state = 'QUEUED' and dispatched_at is not null;
