-- A job may name its own webhook (request.webhook), called instead of its author's default one. Either way, the
-- account's secret signs the deliveries, so an account may now hold a secret without a default URL.
alter table account_webhook alter column url drop not null;

create or replace function enqueue_webhook_delivery() returns trigger language plpgsql as $$
begin
    insert into gateway.webhook_delivery (job_id, account_id, url, event_type, job)
    select new.id, w.account_id, coalesce(new.request ->> 'webhook', w.url), 'job.' || lower(new.state), to_jsonb(new)
    from gateway.account_webhook w
    where w.account_id = new.author_id and coalesce(new.request ->> 'webhook', w.url) is not null;
    return null;
end
$$;
