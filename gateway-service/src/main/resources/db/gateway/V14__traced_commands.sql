-- The W3C traceparent of what queued the entry (the request that accepted, cancelled or replayed the job), so that the
-- command the relay publishes later, and the worker's work on it, join that request's trace. Null where nothing was
-- traced (the lease reaper's re-issues): the relay then starts a new trace.
alter table outbox add column trace_parent text;
