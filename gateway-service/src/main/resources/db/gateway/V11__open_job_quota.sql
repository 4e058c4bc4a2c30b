-- An administrator may give an account its own limit of open (queued or running) jobs; null: the gateway's default
-- (pinxit.gateway.quotas.open-jobs).
alter table account add column open_jobs_limit integer check (open_jobs_limit >= 0);

-- Counting an account's open jobs on every submission reads only those.
create index job_open_by_author on job (author_id) where state in ('QUEUED', 'RUNNING');
