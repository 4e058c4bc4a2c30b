-- An administrator may give an account its own rate of requests to the gateway, per minute; null: the gateway's
-- default (pinxit.gateway.quotas.requests-per-minute).
alter table account add column requests_per_minute integer check (requests_per_minute > 0);
